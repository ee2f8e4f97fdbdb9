import Testing

@Test func LocalizationTestsPlaceholder() {}
