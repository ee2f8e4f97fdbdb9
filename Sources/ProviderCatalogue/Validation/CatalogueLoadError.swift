/// Why a catalogue file could not be loaded at all (per-entry problems are `CatalogueIssue`s instead).
public enum CatalogueLoadError: Error, Sendable {
    /// No directory on the search path has the file.
    case notFound(String)
    /// The file exists but could not be read.
    case unreadable(String)
    /// The file is not JSON.
    case syntax(String, JSONSyntaxError)
    /// The file is JSON but not a catalogue; the issues say why.
    case invalid(String, [CatalogueIssue])
}
