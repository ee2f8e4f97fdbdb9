import Testing

@Test func XMPPCoreTestsPlaceholder() {}
