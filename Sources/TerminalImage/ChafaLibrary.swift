import CChafa

/// libchafa, gdk-pixbuf and the few GLib/GObject functions they need, loaded with `dlopen` the first time an
/// image is decoded — never linked, so that runs which draw no image never map them (CChafa/shim.h).
enum ChafaLibrary {
    /// The function table, or why the libraries could not be loaded.
    ///
    /// Swift initializes a `static let` exactly once, thread-safely, which is what `xo_chafa_api` (not
    /// thread-safe itself) needs; a failure is kept too, so a missing library is looked for once per process.
    private static let table: Result<XOChafaAPI, TerminalImage.Failure> = load()

    /// The loaded functions.
    /// - Throws: ``TerminalImage/Failure/librariesUnavailable(_:)`` when a library or symbol is missing.
    static func api() throws(TerminalImage.Failure) -> XOChafaAPI {
        try table.get()
    }

    /// Calls `xo_chafa_api` and copies the table out of its static storage.
    private static func load() -> Result<XOChafaAPI, TerminalImage.Failure> {
        var failure: UnsafePointer<CChar>?
        var reason: UnsafePointer<CChar>?
        guard let api = xo_chafa_api(&failure, &reason) else {
            let missing = failure.map { String(cString: $0) } ?? "libchafa"
            let detail = reason.map { String(cString: $0) }
            return .failure(.librariesUnavailable(detail.map { "\(missing): \($0)" } ?? missing))
        }
        return .success(api.pointee)
    }
}
