import ArgumentParser

/// `xmpp-onboard providers …`: the provider catalogue (XMPP Providers v2 data, offline first).
struct Providers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose where your account lives: list, show, recommend, validate and update XMPP providers.",
        subcommands: [
            ProvidersList.self, ProvidersShow.self, ProvidersRecommend.self, ProvidersValidate.self,
            ProvidersUpdate.self,
        ]
    )
}
