import Testing

@Test func ProviderCatalogueTestsPlaceholder() {}
