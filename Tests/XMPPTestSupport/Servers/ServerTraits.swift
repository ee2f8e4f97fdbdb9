// Suite traits that start a server for the suite's duration and stop it when the suite ends.
import Testing

/// Starts a ``ProsodyServer`` around a suite (or a single test) and stops it afterwards; tests reach it with
/// ``ProsodyServer/current()``. Without Prosody installed the tests skip loudly (or fail under
/// `XMPP_ONBOARD_REQUIRE_SERVERS=1`) when they ask for the server.
///
/// ```swift
/// @Suite(.prosodyServer(.init(passwordHash: .sha256)))
/// struct SCRAMSHA256Tests {
///     @Test func login() async throws {
///         let server = try ProsodyServer.current()
///     }
/// }
/// ```
public struct ProsodyServerTrait: SuiteTrait, TestTrait, TestScoping {
    let options: ProsodyServer.Options

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard ServerAvailability.isAvailable(.prosody) || ServerAvailability.isRequired else {
            try await function()  // each test skips when it asks for the server
            return
        }
        let server = try await ProsodyServer.start(options)
        defer { server.stop() }
        try await ProsodyServer.$scoped.withValue(server) { try await function() }
    }
}

/// Starts an ``EjabberdServer`` around a suite (or a single test); see ``ProsodyServerTrait``.
public struct EjabberdServerTrait: SuiteTrait, TestTrait, TestScoping {
    let options: EjabberdServer.Options

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard ServerAvailability.isAvailable(.ejabberd) || ServerAvailability.isRequired else {
            try await function()
            return
        }
        let server = try await EjabberdServer.start(options)
        defer { server.stop() }
        try await EjabberdServer.$scoped.withValue(server) { try await function() }
    }
}

extension Trait where Self == ProsodyServerTrait {
    /// A Prosody instance for the suite's duration (``ProsodyServer/current()`` inside its tests).
    public static func prosodyServer(_ options: ProsodyServer.Options = .init()) -> Self {
        ProsodyServerTrait(options: options)
    }
}

extension Trait where Self == EjabberdServerTrait {
    /// An ejabberd instance for the suite's duration (``EjabberdServer/current()`` inside its tests).
    public static func ejabberdServer(_ options: EjabberdServer.Options = .init()) -> Self {
        EjabberdServerTrait(options: options)
    }
}

extension ProsodyServer {
    @TaskLocal static var scoped: ProsodyServer?

    /// The server of the enclosing ``ProsodyServerTrait``. Skips (loudly) or fails the test when Prosody is not
    /// installed; throws when the test has no such trait.
    public static func current(sourceLocation: SourceLocation = #_sourceLocation) throws -> ProsodyServer {
        if let scoped { return scoped }
        try ServerAvailability.require(.prosody, sourceLocation: sourceLocation)
        throw TestSupportError.invalidArgument("no .prosodyServer() trait on this test or its suite")
    }
}

extension EjabberdServer {
    @TaskLocal static var scoped: EjabberdServer?

    /// The server of the enclosing ``EjabberdServerTrait``. Skips (loudly) or fails the test when ejabberd is
    /// not installed; throws when the test has no such trait.
    public static func current(sourceLocation: SourceLocation = #_sourceLocation) throws -> EjabberdServer {
        if let scoped { return scoped }
        try ServerAvailability.require(.ejabberd, sourceLocation: sourceLocation)
        throw TestSupportError.invalidArgument("no .ejabberdServer() trait on this test or its suite")
    }
}
