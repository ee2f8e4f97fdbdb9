import Testing

@Test func XMLStreamParserTestsPlaceholder() {}
