import Foundation
import Testing

/// `Sources/CChafa/shim.h` declares libchafa's, gdk-pixbuf's and GLib's functions and constants itself (the
/// libraries are dlopened, their headers never imported): these tests compile C files that include the real
/// headers (`pkg-config --cflags chafa gdk-pixbuf-2.0`) together with shim.h, with a `_Static_assert` for every
/// enum constant, every loaded function's type and the GError mirror's layout — with each C compiler found
/// (gcc as `cc`, and clang, the compiler Swift imports the header with).
@Suite("shim.h agrees with the installed chafa, gdk-pixbuf and GLib headers")
struct ShimHeaderTests {
    /// `Sources/CChafa`.
    static let shimDirectory: URL = {
        var url = URL(fileURLWithPath: #filePath)  // Tests/TerminalImageTests/ShimHeaderTests.swift
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Sources/CChafa")
    }()

    @Test("every constant, function type and the GError mirror match the real headers")
    func agreesWithRealHeaders() throws {
        let setup = try CheckSetup.make()
        let shim = try String(contentsOf: Self.shimDirectory.appendingPathComponent("shim.h"), encoding: .utf8)
        let check = try HeaderCheck(shim: shim)
        // A parser that silently found nothing would check nothing.
        #expect(check.functions.count >= 30, "functions found in shim.h: \(check.functions)")
        #expect(check.constants.count >= 13, "constants found in shim.h: \(check.constants)")
        for compiler in setup.compilers {
            let result = try setup.compile(check.source, compiler: compiler, shimDirectory: Self.shimDirectory)
            #expect(result.status == 0, "\(compiler) rejects shim.h:\n\(result.output)")
        }
    }

    /// The check must be able to fail: shim.h copies with one wrong value, one wrong parameter type, or a
    /// field not loaded are rejected, by the static assertion about that very declaration.
    @Test(
        "a wrong constant, a wrong prototype or an unchecked field is caught",
        arguments: [
            ("XO_CHAFA_PIXEL_RGB8 = 8", "XO_CHAFA_PIXEL_RGB8 = 9", "CHAFA_PIXEL_RGB8"),
            (
                "const unsigned char *buf, size_t count", "const unsigned char *buf, unsigned int count",
                "gdk_pixbuf_loader_write"
            ),
            ("XO_CHAFA_LOAD(glib, g_free)\n", "", "XOChafaAPI has fields not loaded"),
        ])
    func detectsMismatches(original: String, replacement: String, assertion: String) throws {
        let setup = try CheckSetup.make()
        let shim = try String(contentsOf: Self.shimDirectory.appendingPathComponent("shim.h"), encoding: .utf8)
        #expect(shim.contains(original), "shim.h no longer contains “\(original)”: update this test")
        let mutated = shim.replacingOccurrences(of: original, with: replacement)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xo-shim-mutant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try mutated.write(to: directory.appendingPathComponent("shim.h"), atomically: true, encoding: .utf8)
        let check = try HeaderCheck(shim: mutated)
        for compiler in setup.compilers {
            let result = try setup.compile(check.source, compiler: compiler, shimDirectory: directory)
            #expect(result.status != 0, "\(compiler) accepted a shim.h with “\(replacement)” for “\(original)”")
            let failed = result.output.split(separator: "\n").filter { $0.contains("static assertion failed") }
            #expect(
                failed.count == 1 && failed.allSatisfy { $0.contains(assertion) },
                "\(compiler): expected only the assertion “\(assertion)” to fail:\n\(result.output)")
        }
    }
}

/// The C file that checks shim.h, generated from shim.h itself: one `_Static_assert` per `XO_CHAFA_…` enum
/// constant (against `CHAFA_…`) and per `XO_CHAFA_LOAD(handle, name)` line (the field `name` of `XOChafaAPI`
/// against `&name`), and a size check that `XOChafaAPI` has no field that is not loaded (and so not checked).
struct HeaderCheck {
    /// Names of the functions loaded, as in `XO_CHAFA_LOAD(handle, name)`.
    let functions: [String]
    /// The constants' names without the `XO_` prefix (`CHAFA_PIXEL_RGB8`).
    let constants: [String]

    init(shim: String) throws {
        var functions: [String] = []
        var constants: [String] = []
        for line in shim.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("XO_CHAFA_LOAD("), let close = line.firstIndex(of: ")"),
                let comma = line.firstIndex(of: ",")
            {
                functions.append(line[line.index(after: comma)..<close].trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("XO_CHAFA_"), let equals = line.firstIndex(of: "=") {
                let name = line[..<equals].trimmingCharacters(in: .whitespaces)
                if name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
                    constants.append(String(name.dropFirst("XO_".count)))
                }
            }
        }
        self.functions = functions
        self.constants = constants
    }

    /// The C source: the real headers first, then shim.h.
    var source: String {
        var lines = [
            "#include <stddef.h>",
            "#include <chafa.h>",
            "#include <gdk-pixbuf/gdk-pixbuf.h>",
            "#include \"shim.h\"",
            "",
            "#define XO_SAME_TYPE(a, b) __builtin_types_compatible_p(a, b)",
            "#define XO_FIELD(type, field) __typeof__(((type *)0)->field)",
            "",
            "/* GError mirror */",
            "_Static_assert(sizeof(XOGError) == sizeof(GError), \"sizeof GError\");",
            "_Static_assert(offsetof(XOGError, domain) == offsetof(GError, domain), \"GError.domain\");",
            "_Static_assert(offsetof(XOGError, code) == offsetof(GError, code), \"GError.code\");",
            "_Static_assert(offsetof(XOGError, message) == offsetof(GError, message), \"GError.message\");",
            "_Static_assert(XO_SAME_TYPE(XO_FIELD(XOGError, domain), GQuark), \"GError.domain type\");",
            "_Static_assert(XO_SAME_TYPE(XO_FIELD(XOGError, code), XO_FIELD(GError, code)), \"GError.code type\");",
            "_Static_assert(XO_SAME_TYPE(XO_FIELD(XOGError, message), XO_FIELD(GError, message)), \"GError.message type\");",
            "",
            "/* enum constants */",
        ]
        for constant in constants {
            // Compared as integers: two different enum types (-Wenum-compare).
            lines.append("_Static_assert((long long)XO_\(constant) == (long long)\(constant), \"\(constant)\");")
        }
        lines.append("")
        lines.append("/* function types: each XOChafaAPI field against the real function */")
        for function in functions {
            lines.append(
                "_Static_assert(XO_SAME_TYPE(XO_FIELD(XOChafaAPI, \(function)), __typeof__(&\(function))), \"\(function)\");"
            )
        }
        lines.append("")
        lines.append("/* every field of the table is loaded, hence checked above */")
        lines.append("_Static_assert(sizeof(XOChafaAPI) == \(functions.count) * sizeof(void (*)(void)),")
        lines.append("               \"XOChafaAPI has fields not loaded with XO_CHAFA_LOAD\");")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The C compilers and pkg-config flags for the check; skips the test loudly when there is no C compiler or no
/// pkg-config (fails instead under `XMPP_ONBOARD_REQUIRE_SERVERS=1`, as CI runs).
struct CheckSetup {
    /// Paths of the compilers to run the check with (distinct programs among `cc`, `gcc`, `clang`).
    let compilers: [String]
    /// `pkg-config --cflags chafa gdk-pixbuf-2.0`, split.
    let flags: [String]

    static func make(sourceLocation: SourceLocation = #_sourceLocation) throws -> CheckSetup {
        var compilers: [String] = []
        var seen: Set<String> = []
        for name in ["cc", "gcc", "clang"] {
            guard let path = locate(name) else { continue }
            // cc is usually gcc: one run per program. clang gets its own (Swift imports the header with it).
            if seen.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted {
                compilers.append(path)
            }
        }
        guard !compilers.isEmpty else {
            try skip("no C compiler (cc, gcc or clang) on PATH", sourceLocation: sourceLocation)
            return CheckSetup(compilers: [], flags: [])
        }
        guard let pkgConfig = locate("pkg-config") else {
            try skip("pkg-config is not installed (scripts/setup.sh installs it)", sourceLocation: sourceLocation)
            return CheckSetup(compilers: [], flags: [])
        }
        let result = try run(pkgConfig, ["--cflags", "chafa", "gdk-pixbuf-2.0"])
        try #require(
            result.status == 0,
            """
            pkg-config --cflags chafa gdk-pixbuf-2.0 failed (apt-get install libchafa-dev libgdk-pixbuf-2.0-dev, \
            or scripts/setup.sh): \(result.output)
            """,
            sourceLocation: sourceLocation)
        let flags = result.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        return CheckSetup(compilers: compilers, flags: flags)
    }

    /// Compiles `source` (syntax and static assertions only) with shim.h taken from `shimDirectory`.
    func compile(_ source: String, compiler: String, shimDirectory: URL) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xo-shim-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("shim-check.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let arguments =
            ["-fsyntax-only", "-std=gnu11", "-Wall", "-Werror"] + flags + ["-I", shimDirectory.path, file.path]
        return try Self.run(compiler, arguments)
    }

    /// Runs `executable` to completion; stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read to the end before waiting, so a chatty compiler cannot block on a full pipe.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// `name` on `PATH`.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A tool the check needs is missing where skipping is not allowed.
    struct Missing: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Prints a loud line and skips the current test, or fails it under `XMPP_ONBOARD_REQUIRE_SERVERS=1`.
    static func skip(_ reason: String, sourceLocation: SourceLocation) throws {
        if ProcessInfo.processInfo.environment["XMPP_ONBOARD_REQUIRE_SERVERS"] == "1" {
            throw Missing(reason: "\(reason) (XMPP_ONBOARD_REQUIRE_SERVERS=1 forbids skipping)")
        }
        let test = Test.current.map { " \($0.name)" } ?? ""
        FileHandle.standardError.write(
            Data("⚠️  SKIPPING\(test): \(reason); shim.h is not checked against the real headers.\n".utf8))
        try Test.cancel("\(reason)", sourceLocation: sourceLocation)
    }
}
