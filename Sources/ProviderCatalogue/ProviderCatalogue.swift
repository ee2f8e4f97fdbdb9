// ProviderCatalogue — see docs/architecture.md.
