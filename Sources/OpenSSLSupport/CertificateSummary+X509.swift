import COpenSSL

extension CertificateSummary {
    /// Summarizes a borrowed `X509 *`.
    init(certificate: OpaquePointer) {
        self.init(
            subject: Self.distinguishedName(X509_get_subject_name(certificate)),
            issuer: Self.distinguishedName(X509_get_issuer_name(certificate)),
            notAfter: Self.iso8601(X509_get0_notAfter(certificate)),
            notBefore: Self.iso8601(X509_get0_notBefore(certificate)),
            subjectAlternativeNames: Self.subjectAlternativeNames(certificate),
            sha256Fingerprint: Self.fingerprint(certificate)
        )
    }

    // MARK: - Fields

    private static func distinguishedName(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, name, 0, copenssl_XN_FLAG_RFC2253_UTF8()) >= 0 else { return "" }
        return String(decoding: MemoryBIO.readAll(bio), as: UTF8.self)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`; empty if the time cannot be decoded.
    private static func iso8601(_ time: UnsafePointer<ASN1_TIME>?) -> String {
        var components = tm()
        guard let time, ASN1_TIME_to_tm(time, &components) == 1 else { return "" }
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(components.tm_year + 1900, 4) + "-" + pad(components.tm_mon + 1, 2) + "-"
            + pad(components.tm_mday, 2) + "T" + pad(components.tm_hour, 2) + ":" + pad(components.tm_min, 2)
            + ":" + pad(components.tm_sec, 2) + "Z"
    }

    private static func fingerprint(_ certificate: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, EVP_sha256(), &digest, &length) == 1 else { return "" }
        return digest.prefix(Int(length)).map(Self.hexByte).joined(separator: ":")
    }

    // MARK: - subjectAltName (RFC 5280 §4.2.1.6, RFC 6120 §13.7.1.4)

    private static func subjectAlternativeNames(_ certificate: OpaquePointer) -> [String] {
        guard let names = copenssl_X509_subject_alt_names(certificate) else {
            OpenSSLErrorQueue.clear()  // "no extension" and decoding errors alike: report no names
            return []
        }
        defer { copenssl_GENERAL_NAMES_free(names) }
        var result: [String] = []
        for index in 0..<copenssl_sk_GENERAL_NAME_num(names) {
            guard let name = copenssl_sk_GENERAL_NAME_value(names, index) else { continue }
            if let text = describe(name.pointee) {
                result.append(text)
            }
        }
        return result
    }

    private static func describe(_ name: GENERAL_NAME) -> String? {
        switch name.type {
        case GEN_DNS: "DNS:" + string(name.d.dNSName)
        case GEN_EMAIL: "email:" + string(name.d.rfc822Name)
        case GEN_URI: "URI:" + string(name.d.uniformResourceIdentifier)
        case GEN_IPADD: "IP:" + ipAddress(bytes(name.d.iPAddress))
        case GEN_OTHERNAME: otherName(name.d.otherName)
        default: nil
        }
    }

    private static func otherName(_ otherName: UnsafeMutablePointer<OTHERNAME>?) -> String? {
        guard let otherName, let typeID = otherName.pointee.type_id else { return nil }
        let nid = OBJ_obj2nid(typeID)
        let value = otherName.pointee.value
        switch nid {
        case NID_XmppAddr where value?.pointee.type == V_ASN1_UTF8STRING:
            return "xmppAddr:" + string(value?.pointee.value.utf8string)
        case NID_SRVName where value?.pointee.type == V_ASN1_IA5STRING:
            return "SRVName:" + string(value?.pointee.value.ia5string)
        default:
            var buffer = [CChar](repeating: 0, count: 128)
            let length = OBJ_obj2txt(&buffer, Int32(buffer.count), typeID, 1)
            guard length > 0 else { return "othername:" }
            return "othername:"
                + String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    private static func bytes(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> [UInt8] {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(max(0, ASN1_STRING_length(string)))))
    }

    private static func string(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        String(decoding: bytes(string), as: UTF8.self)
    }

    private static func ipAddress(_ bytes: [UInt8]) -> String {
        switch bytes.count {
        case 4:
            return bytes.map { String($0) }.joined(separator: ".")
        case 16:
            return stride(from: 0, to: 16, by: 2).map {
                String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
            }
            .joined(separator: ":")
        default:
            return bytes.map(hexByte).joined()
        }
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
