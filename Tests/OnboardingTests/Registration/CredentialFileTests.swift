import Foundation
import Onboarding
import Testing

/// `CredentialFile`: 0600 at creation, atomic publication, never overwriting without `overwrite`
/// (security.md §6.3).
@Suite("Credential files (--save)")
struct CredentialFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xo-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return url
    }

    @Test("writes JID and password on two lines, mode 0600, no temporary file left")
    func writes() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("alice.txt").path
        try CredentialFile.write(CredentialFile.contents(jid: "alice@example.org", password: "s3cret"), to: path, overwrite: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "alice@example.org\ns3cret\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["alice.txt"])
    }

    @Test("an existing file is kept unless overwrite is given")
    func noOverwrite() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("account").path
        try CredentialFile.write(Array("first\n".utf8), to: path, overwrite: false)
        #expect(throws: CredentialFile.Failure.exists(path)) {
            try CredentialFile.write(Array("second\n".utf8), to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try CredentialFile.write(Array("third\n".utf8), to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["account"])
    }

    @Test("a symbolic link at the path is refused, even with overwrite")
    func symlink() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target").path
        let link = directory.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: CredentialFile.Failure.symbolicLink(link)) {
            try CredentialFile.write(Array("x\n".utf8), to: link, overwrite: true)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a group- or world-writable directory is refused")
    func unsafeDirectory() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let path = directory.appendingPathComponent("account").path
        #expect(throws: CredentialFile.Failure.unsafeDirectory(directory.path)) {
            try CredentialFile.checkWritable(path, overwrite: false)
        }
    }

    @Test("a missing directory is a system error naming stat")
    func missingDirectory() {
        let path = "/nonexistent-\(UUID().uuidString)/account"
        #expect(throws: CredentialFile.Failure.self) { try CredentialFile.write([0x41], to: path, overwrite: false) }
    }
}
