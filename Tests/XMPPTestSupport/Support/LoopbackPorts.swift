// Free ports and readiness probes on 127.0.0.1.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Loopback TCP ports for fixtures.
public enum LoopbackPorts {
    private static let handedOut = LockedBox<Set<Int>>([])

    /// A TCP port that is free on 127.0.0.1 right now (asks the kernel by binding port 0), never the same one
    /// twice in this process. Another process may still take it before the server binds it: fixtures detect
    /// that from their server's log and retry with new ports.
    public static func freePort() throws -> Int {
        for _ in 0..<50 {
            let port = try kernelAssignedPort()
            let isNew = handedOut.withLock { ports in ports.insert(port).inserted }
            if isNew { return port }
        }
        throw TestSupportError.invalidArgument("no free loopback port found")
    }

    private static func kernelAssignedPort() throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw TestSupportError.invalidArgument("socket() failed: \(errno)") }
        defer { close(descriptor) }
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw TestSupportError.invalidArgument("bind() failed: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on `host`:`port` (IPv4 literal, default 127.0.0.1).
    public static func isListening(port: Int, host: String = "127.0.0.1") -> Bool {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopbackAddress(port: port)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return false }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    /// Polls until every port accepts connections, `isAlive` turns false, or `timeout` passes.
    /// - Returns: true when all ports answered.
    public static func waitUntilListening(
        ports: [Int], timeout: Duration, isAlive: () -> Bool = { true }
    ) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if ports.allSatisfy({ isListening(port: $0) }) { return true }
            if !isAlive() { return false }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return ports.allSatisfy { isListening(port: $0) }
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        return address
    }
}

/// A value behind a lock, for the few process-wide tables of the fixtures.
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
