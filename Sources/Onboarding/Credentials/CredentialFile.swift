import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a secret file (a JID and its password) atomically and durably (security.md §6.3).
///
/// A temporary file in the target directory is created with its final mode at `open()`
/// (`O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC`, 0600), written completely, `fsync`ed and closed; it then
/// takes the final name — with `link(2)`, which never replaces an existing file, or with `rename(2)` under
/// `overwrite` — and the directory is `fsync`ed. A symlink at the final path and a group- or world-writable
/// directory are refused.
public enum CredentialFile {
    /// Why the file was not written.
    public enum Failure: Error, Sendable, Hashable {
        /// The file exists and `overwrite` was not given.
        case exists(String)
        /// The final path is a symbolic link.
        case symbolicLink(String)
        /// The directory is writable by group or others.
        case unsafeDirectory(String)
        /// A system call failed (`errno`), naming the operation.
        case system(operation: String, path: String, errno: Int32)
    }

    /// The two-line content: the JID, then the password.
    public static func contents(jid: String, password: String) -> [UInt8] {
        Array("\(jid)\n\(password)\n".utf8)
    }

    /// Checks, before anything is sent to a server, that `path` can be written (directory safe, no symlink,
    /// no existing file unless `overwrite`).
    public static func checkWritable(_ path: String, overwrite: Bool) throws(Failure) {
        let directory = directoryName(of: path)
        var status = stat()
        guard stat(directory, &status) == 0 else { throw .system(operation: "stat", path: directory, errno: errno) }
        guard status.st_mode & (S_IWGRP | S_IWOTH) == 0 else { throw .unsafeDirectory(directory) }
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path) }
            if !overwrite { throw .exists(path) }
        }
    }

    /// Writes `bytes` to `path` with mode 0600, atomically; see the type's documentation.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        try checkWritable(path, overwrite: overwrite)
        let directory = directoryName(of: path)
        let temporary = try createTemporary(in: directory, for: path)
        var published = false
        defer { if !published { unlink(temporary.path) } }
        do {
            try writeAll(bytes, to: temporary.descriptor, path: temporary.path)
            guard fsync(temporary.descriptor) == 0 else {
                throw Failure.system(operation: "fsync", path: temporary.path, errno: errno)
            }
        } catch let failure as Failure {
            close(temporary.descriptor)
            throw failure
        } catch {
            close(temporary.descriptor)
            throw .system(operation: "write", path: temporary.path, errno: EIO)
        }
        guard close(temporary.descriptor) == 0 else { throw .system(operation: "close", path: temporary.path, errno: errno) }
        if overwrite {
            guard rename(temporary.path, path) == 0 else { throw .system(operation: "rename", path: path, errno: errno) }
            published = true
        } else {
            guard link(temporary.path, path) == 0 else {
                let code = errno
                throw code == EEXIST ? .exists(path) : .system(operation: "link", path: path, errno: code)
            }
            unlink(temporary.path)
            published = true
        }
        try syncDirectory(directory)
    }

    // MARK: - Steps

    private static func createTemporary(in directory: String, for path: String) throws(Failure) -> (descriptor: Int32, path: String) {
        let base = lastComponent(of: path)
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = directory + "/." + base + "." + suffix + ".tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, candidate) }
            if errno != EEXIST { throw .system(operation: "open", path: candidate, errno: errno) }
        }
        throw .system(operation: "open", path: directory, errno: EEXIST)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    private static func syncDirectory(_ directory: String) throws(Failure) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(operation: "open", path: directory, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .system(operation: "fsync", path: directory, errno: errno) }
    }

    /// The directory part of `path` (POSIX `dirname`): `.` for a bare name, `/` for a file in the root.
    static func directoryName(of path: String) -> String {
        let trimmed = path.count > 1 ? String(path.reversed().drop { $0 == "/" }.reversed()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let directory = trimmed[..<slash].reversed().drop { $0 == "/" }.reversed()
        return directory.isEmpty ? "/" : String(directory)
    }

    /// The last component of `path` (POSIX `basename`), trailing slashes ignored.
    static func lastComponent(of path: String) -> String {
        let trimmed = path.reversed().drop { $0 == "/" }.reversed()
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}
