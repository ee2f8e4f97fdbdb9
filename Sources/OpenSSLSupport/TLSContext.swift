import COpenSSL

#if canImport(Glibc)
    import Glibc
#endif

/// A client `SSL_CTX` configured by the recipe in security.md §2.5; create one and reuse it for many
/// connections (loading the system trust store is the expensive part).
///
/// `@unchecked Sendable`: the `SSL_CTX` is fully configured inside `init` and never changed afterwards;
/// OpenSSL documents `SSL_new(3)` on a shared, no-longer-modified context as safe from any thread, and the
/// context is reference counted, so `SSL` objects created from it keep it alive on their own.
public final class TLSContext: @unchecked Sendable {
    /// The owned `SSL_CTX *`.
    let context: OpaquePointer
    /// The configuration this context was built from.
    public let configuration: TLSConfiguration

    /// Creates the context: `TLS_client_method`, minimum TLS 1.2, system trust store plus
    /// `additionalTrustAnchors`, no renegotiation, no compression, `SSL_VERIFY_PEER`.
    public init(configuration: TLSConfiguration) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        self.context = context
        self.configuration = configuration
        // From here on `deinit` frees the context if a later step throws.

        let minimum = configuration.minimumVersion == .tls13 ? copenssl_TLS1_3_VERSION() : copenssl_TLS1_2_VERSION()
        guard copenssl_SSL_CTX_set_min_proto_version(context, minimum) == 1 else {
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        guard Self.loadSystemTrustStore(into: context) else {
            throw .trustStoreUnavailable(OpenSSLErrorQueue.drainStrings())
        }
        for path in configuration.additionalTrustAnchors {
            // Fails for a missing or unreadable file and for a file without any PEM certificate.
            guard !path.isEmpty, SSL_CTX_load_verify_file(context, path) == 1 else {
                OpenSSLErrorQueue.clear()
                throw .caFileUnreadable(path: path)
            }
        }
        _ = copenssl_SSL_CTX_set_options(context, copenssl_options_no_renegotiation_compression())
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
    }

    /// Loads the system trust anchors. When the system directory has OpenSSL hash links (Debian's
    /// `/etc/ssl/certs`, kept by update-ca-certificates) and `SSL_CERT_FILE` is unset, only the directory is
    /// registered: OpenSSL then reads just the issuers a verification needs, instead of parsing the whole
    /// ~140-certificate bundle up front (about 25 ms per process). Otherwise OpenSSL's default file and
    /// directory are used, as `SSL_CTX_set_default_verify_paths` does. The trust decision is the same.
    /// (`SSL_CERT_FILE` naming the system's own default bundle, as some images export it, counts as unset.)
    static func loadSystemTrustStore(into context: OpaquePointer) -> Bool {
        let fileVariable = String(cString: X509_get_default_cert_file_env())
        let directoryVariable = String(cString: X509_get_default_cert_dir_env())
        let defaultFile = resolvedPath(String(cString: X509_get_default_cert_file()))
        let fileOverride = getenv(fileVariable).map { resolvedPath(String(cString: $0)) }
        if fileOverride == nil || fileOverride == defaultFile {
            let directory = getenv(directoryVariable).map { String(cString: $0) }
                ?? String(cString: X509_get_default_cert_dir())
            if !directory.contains(":"), hasHashLinks(directory), SSL_CTX_load_verify_dir(context, directory) == 1 {
                return true
            }
        }
        return SSL_CTX_set_default_verify_paths(context) == 1
    }

    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `directory` holds at least one `XXXXXXXX.N` subject-hash link (c_rehash / openssl rehash).
    private static func hasHashLinks(_ directory: String) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            let parts = name.split(separator: ".")
            if parts.count == 2, parts[0].count == 8, parts[0].allSatisfy(\.isHexDigit), parts[1].allSatisfy(\.isNumber) {
                return true
            }
        }
        return false
    }

    deinit {
        SSL_CTX_free(context)
    }
}
