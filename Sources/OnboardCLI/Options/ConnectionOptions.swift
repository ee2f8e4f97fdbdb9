import ArgumentParser
import FoundationEssentials

/// How to reach the server: overrides for tests and odd setups (issue #2).
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Connect to HOST[:PORT] instead of looking up SRV records.", valueName: "host[:port]"))
    var host: String?

    @Flag(name: .long, help: "Use Direct TLS (XEP-0368) instead of STARTTLS.")
    var directTLS = false

    @Flag(name: .long, help: "Use STARTTLS only (ignore Direct TLS SRV records).")
    var starttls = false

    @Option(name: .long, help: ArgumentHelp("Also trust the CA certificates in this PEM file.", valueName: "pem"))
    var caFile: [String] = []

    @Option(name: .long, help: "Seconds to wait for each network step.")
    var timeout: Double = 30

    /// Test-only: query this DNS server (`IP:PORT`) for SRV records.
    @Option(name: .long, help: .hidden)
    var dnsServer: String?

    func validate() throws {
        if directTLS && starttls {
            throw ValidationError("--direct-tls and --starttls exclude each other.")
        }
        if !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be between 0 and 3600 seconds.")
        }
        for path in caFile where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read the CA file \(path).")
        }
    }
}
