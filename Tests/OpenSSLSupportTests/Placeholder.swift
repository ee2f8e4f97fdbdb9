import Testing

@Test func OpenSSLSupportTestsPlaceholder() {}
