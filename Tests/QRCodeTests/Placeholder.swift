import Testing

@Test func QRCodeTestsPlaceholder() {}
