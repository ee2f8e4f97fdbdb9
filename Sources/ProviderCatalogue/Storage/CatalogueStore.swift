import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the user's copy of the catalogue. Never touches the shipped file: it writes only inside
/// `CatalogueLocation.userDataDirectory`.
public enum CatalogueStore {
    /// Why writing failed; the raw value is a stable identifier, `path` the file concerned.
    public struct WriteError: Error, Sendable, Hashable {
        public enum Step: String, Sendable {
            case createDirectory = "create-directory", writeTemporary = "write-temporary",
                keepLastGood = "keep-last-good", replace
        }
        public let step: Step
        public let path: String
        public let errno: Int32
    }

    /// Atomically replaces the user copy with `catalogue`: the text goes to a temporary file in the same
    /// directory (mode 0644, flushed to disk), the previous copy becomes `providers.last-good.json`, then
    /// `rename(2)` puts the new file in place. A crash at any point leaves either the old or the new copy.
    public static func write(_ catalogue: Catalogue, to location: CatalogueLocation) throws(WriteError) {
        let directory = location.userDataDirectory.path
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(step: .createDirectory, path: directory, errno: errno)
        }
        let text = catalogue.document().serialized(indent: 4) + "\n"
        let temporary = location.userDataDirectory
            .appendingPathComponent(".providers.json.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        try writeSynced(Array(text.utf8), to: temporary)

        let target = location.userCopy.path
        if FileManager.default.fileExists(atPath: target) {
            // Keep the copy being replaced; a hard link is atomic and costs no space, a copy is the fallback.
            let lastGood = location.lastGoodCopy.path
            let lastGoodTemporary = lastGood + ".\(getpid()).tmp"
            unlink(lastGoodTemporary)
            if link(target, lastGoodTemporary) != 0 {
                guard let data = FileManager.default.contents(atPath: target) else {
                    unlink(temporary)
                    throw WriteError(step: .keepLastGood, path: lastGood, errno: errno)
                }
                do {
                    try writeSynced(Array(data), to: lastGoodTemporary)
                } catch {
                    unlink(temporary)
                    throw error
                }
            }
            guard rename(lastGoodTemporary, lastGood) == 0 else {
                let code = errno
                unlink(temporary)
                unlink(lastGoodTemporary)
                throw WriteError(step: .keepLastGood, path: lastGood, errno: code)
            }
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteError(step: .replace, path: target, errno: code)
        }
        syncDirectory(directory)
    }

    private static func writeSynced(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(step: .writeTemporary, path: path, errno: errno) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        close(descriptor)
        if let failure {
            unlink(path)
            throw WriteError(step: .writeTemporary, path: path, errno: failure)
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #else
            Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
