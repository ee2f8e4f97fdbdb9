// swift-tools-version:6.0
// xmpp-onboard — a guided, safe path onto XMPP from the terminal.
// Layout and layering: docs/architecture.md (C targets → wrappers → sans-I/O core → driver → app → CLI).
import PackageDescription

let package = Package(
    name: "xmpp-onboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "xmpp-onboard", targets: ["xmpp-onboard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: - C libraries: module map + shim header only. Each is imported by exactly one wrapper target.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        .systemLibrary(name: "CResolv"),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Loaded with dlopen when an image is drawn, never linked (shim.h): no pkgConfig, whose -l flags would link
        // it. Still needed from apt: libchafa0 and libgdk-pixbuf-2.0-0 at run time, libchafa-dev and
        // libgdk-pixbuf-2.0-dev for the test that checks shim.h against the real headers.
        .systemLibrary(name: "CChafa"),

        // MARK: - Wrappers around the C libraries
        .target(name: "IDNA", dependencies: ["CIDN2"]),
        .target(name: "XMLStreamParser", dependencies: ["XMPPCore", "CLibXML2"]),
        .target(name: "OpenSSLSupport", dependencies: ["XMPPCore", "COpenSSL"]),
        .target(name: "QRCode", dependencies: ["CQREncode", "CPNG"]),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "TerminalImage", dependencies: ["CChafa"]),

        // MARK: - Sans-I/O protocol core (JID, elements, stanzas, negotiation, SASL, one folder per XEP)
        .target(name: "XMPPCore", dependencies: ["IDNA"]),

        // MARK: - The only I/O driver
        .target(
            name: "XMPPClient",
            dependencies: [
                "XMPPCore", "XMLStreamParser", "OpenSSLSupport", "CResolv",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // MARK: - Application
        .target(name: "ResourceLocation"),
        .target(name: "ProviderCatalogue", dependencies: ["ResourceLocation", "XMPPCore"]),
        .target(name: "Localization", dependencies: ["ResourceLocation"]),
        .target(
            name: "Onboarding",
            dependencies: ["XMPPClient", "XMPPCore", "ProviderCatalogue", "Localization", "QRCode"]
        ),
        .target(
            name: "OnboardCLI",
            dependencies: [
                "Onboarding", "XMPPClient", "XMPPCore", "Localization", "ProviderCatalogue", "QRCode",
                "ResourceLocation", "Markdown", "TerminalImage", "OpenSSLSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "xmpp-onboard", dependencies: ["OnboardCLI"], linkerSettings: releaseLinking),

        // MARK: - Tests
        .target(
            name: "XMPPTestSupport",
            dependencies: ["XMPPCore"],
            path: "Tests/XMPPTestSupport"
        ),
        .testTarget(name: "XMPPCoreTests", dependencies: ["XMPPCore", "XMPPTestSupport", "OpenSSLSupport", "IDNA"]),
        .testTarget(name: "XMLStreamParserTests", dependencies: ["XMLStreamParser", "XMPPCore"]),
        .testTarget(name: "OpenSSLSupportTests", dependencies: ["OpenSSLSupport", "XMPPCore", "XMPPTestSupport"]),
        .testTarget(name: "XMPPClientTests", dependencies: ["XMPPClient", "XMPPCore", "XMPPTestSupport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "XMPPTestSupport"]),
        .testTarget(name: "TerminalImageTests", dependencies: ["TerminalImage", "QRCode"]),
        .testTarget(name: "ProviderCatalogueTests", dependencies: ["ProviderCatalogue", "XMPPTestSupport"]),
        .testTarget(name: "OnboardingTests", dependencies: ["Onboarding", "ProviderCatalogue", "XMPPCore"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "Markdown", "XMPPTestSupport"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["XMPPClient", "XMPPCore", "OpenSSLSupport", "XMPPTestSupport", "Onboarding"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["XMPPTestSupport"], exclude: ["Expected"]),
    ]
)

/// Release link on Linux, for start-up time and peak memory (docs/benchmarks.md, "Notes on peak memory"): lld
/// places the functions a run executes next to each other (`Linker/symbol-order.txt`, made by
/// `scripts/symbol-order.sh` from profiled runs), so the kernel maps far fewer code pages; packed relative
/// relocations and no exported symbol table shrink what the dynamic loader reads. Names missing from the order
/// file (code changed since it was made) only cost memory, never correctness.
var releaseLinking: [LinkerSetting] {
    let orderFile = Context.packageDirectory + "/Linker/symbol-order.txt"
    return [
        .unsafeFlags(
            [
                "-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                "-Xlinker", "--symbol-ordering-file=\(orderFile)", "-Xlinker", "--no-warn-symbol-ordering",
            ],
            .when(platforms: [.linux], configuration: .release)
        )
    ]
}

