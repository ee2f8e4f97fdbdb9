import Foundation
import OpenSSLSupport
import Testing
import XMPPClient
import XMPPTestSupport

/// A Python HTTPS server on 127.0.0.1 with a certificate from a test CA; `/big` sends 64 KiB chunked,
/// `/hello` a short text, anything else 404.
private final class HTTPSTestServer: Sendable {
    let port: Int
    let child: ChildProcess
    let authority: TestCertificateAuthority

    init(names: [SubjectAlternativeName]) async throws {
        authority = try TestCertificateAuthority.temporary()
        let leaf = try authority.issue(commonName: nil, subjectAlternativeNames: names)
        let script = """
            import http.server, ssl, sys, os, signal
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
            class H(http.server.BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.1"
                def do_GET(self):
                    if self.path == "/hello":
                        body = b"hello over tls"
                        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
                        self.wfile.write(body)
                    elif self.path == "/big":
                        self.send_response(200); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                        for _ in range(64):
                            self.wfile.write(b"400\\r\\n" + b"x" * 1024 + b"\\r\\n")
                        self.wfile.write(b"0\\r\\n\\r\\n")
                    else:
                        self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
                def log_message(self, *args): pass
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            server.socket = context.wrap_socket(server.socket, server_side=True)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        let python = try #require(TestPaths.python)
        let scriptURL = authority.directory.appendingPathComponent("https_server.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let portFile = authority.directory.appendingPathComponent("port")
        child = try ChildProcess.spawn(
            executable: python, arguments: [scriptURL.path, leaf.certificatePath.path, leaf.keyPath.path],
            standardOutput: portFile, standardError: authority.directory.appendingPathComponent("stderr"))
        var found: Int?
        for _ in 0..<100 where found == nil {
            try await Task.sleep(for: .milliseconds(50))
            found = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        port = try #require(found, "the HTTPS test server did not start")
    }

    deinit { child.stop(grace: .milliseconds(200)) }
}

@Suite("HTTPFetcher: HTTPS over the project's TLS engine", .timeLimit(.minutes(2)))
struct HTTPFetcherTests {
    @Test("fetches over verified TLS, including chunked bodies, and bounds the size")
    func verifiedFetch() async throws {
        let server = try await HTTPSTestServer(names: ["localhost"])
        let fetcher = HTTPFetcher(tls: TLSConfiguration(additionalTrustAnchors: [server.authority.caCertificatePath.path]), timeout: 10)
        let hello = try await fetcher.get(try #require(URL(string: "https://localhost:\(server.port)/hello")))
        #expect(hello.status == 200)
        #expect(String(decoding: hello.body, as: UTF8.self) == "hello over tls")
        let big = try await fetcher.get(try #require(URL(string: "https://localhost:\(server.port)/big")))
        #expect(big.body.count == 64 * 1024)
        let missing = try await fetcher.get(try #require(URL(string: "https://localhost:\(server.port)/nothing")))
        #expect(missing.status == 404)

        let small = HTTPFetcher(tls: fetcher.tls, timeout: 10, maximumSize: 1000)
        await #expect(throws: HTTPFetcher.FetchError.self) {
            _ = try await small.get(try #require(URL(string: "https://localhost:\(server.port)/big")))
        }
    }

    @Test("an untrusted CA or a certificate for another name is refused")
    func refusedCertificates() async throws {
        let server = try await HTTPSTestServer(names: ["other.example"])
        let trusting = HTTPFetcher(tls: TLSConfiguration(additionalTrustAnchors: [server.authority.caCertificatePath.path]), timeout: 10)
        await #expect(throws: HTTPFetcher.FetchError.self) {
            _ = try await trusting.get(try #require(URL(string: "https://localhost:\(server.port)/hello")))
        }
        let systemOnly = HTTPFetcher(timeout: 10)
        await #expect(throws: HTTPFetcher.FetchError.self) {
            _ = try await systemOnly.get(try #require(URL(string: "https://localhost:\(server.port)/hello")))
        }
    }

    @Test("plain http is refused unless explicitly allowed")
    func plainHTTP() async throws {
        await #expect(throws: HTTPFetcher.FetchError.self) {
            _ = try await HTTPFetcher(timeout: 5).get(try #require(URL(string: "http://127.0.0.1:9/")))
        }
    }
}
