import ArgumentParser

/// The documented exit codes (sysexits style; README "Exit codes").
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case partialFailure = 2
    case usage = 64
    case unavailable = 69
    case temporaryFailure = 75
    case permissionDenied = 77
    case interrupted = 130

    /// The ArgumentParser exit code.
    public var exitCode: ExitCode { ExitCode(rawValue) }
}
