import Foundation
import Testing
import XMPPTestSupport

/// libchafa, gdk-pixbuf and GLib are dlopened only when a CAPTCHA image is drawn (Sources/CChafa/shim.h): the
/// built tool neither needs them (`DT_NEEDED`) nor loads them when it starts.
@Suite("Libraries loaded at start")
struct LinkedLibrariesTests {
    /// Name prefixes of the libraries that must wait for an image (gdk-pixbuf's and GLib's dependencies come
    /// with them: gio, gmodule, libmount …).
    static let lazyLibraries = [
        "libchafa", "libgdk_pixbuf", "libglib-2.0", "libgobject-2.0", "libgio-2.0", "libgmodule-2.0",
    ]

    static func isLazy(_ path: Substring) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? String(path)
        return lazyLibraries.contains { name.hasPrefix($0) }
    }

    @Test("the tool's NEEDED entries name no chafa, gdk-pixbuf or GLib library")
    func neededEntries() throws {
        let tool = try TestPaths.requireTool()
        let readelf = try #require(ExecutableLocator.path(for: "readelf"), "readelf (binutils) is not installed")
        let result = try Command.runSynchronously(readelf, ["-d", tool])
        #expect(result.status == 0, "readelf -d: \(result.standardError)")
        // " 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]"
        let lines = result.standardOutput.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        let needed = lines.compactMap { line -> Substring? in
            guard let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]"), open < close else {
                return nil
            }
            return line[line.index(after: open)..<close]
        }
        #expect(needed.contains("libc.so.6"), "no NEEDED entries read from: \(result.standardOutput)")
        #expect(needed.filter(Self.isLazy).isEmpty, "NEEDED: \(needed)")
    }

    @Test("starting the tool loads none of them (LD_DEBUG=libs, dependencies of dependencies included)")
    func loadedAtStart() throws {
        let home = try TestDirectories.makeUnique(prefix: "linked-libraries")
        let result = try CommandRunner(home: home, extra: ["LD_DEBUG": "libs"]).run(["--version"])
        #expect(result.status == 0)
        // "     12345:	calling init: /lib/x86_64-linux-gnu/libc.so.6"
        let initialized = result.standardError.split(separator: "\n").compactMap { line -> Substring? in
            guard let range = line.range(of: "calling init: ") else { return nil }
            return line[range.upperBound...]
        }
        #expect(initialized.contains { $0.hasSuffix("/libc.so.6") }, "no LD_DEBUG output: \(result.standardError)")
        #expect(initialized.filter(Self.isLazy).isEmpty, "initialized at start: \(initialized)")
    }
}
