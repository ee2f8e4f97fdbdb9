import Testing

@Test func XMPPClientTestsPlaceholder() {}
