import OnboardCLI

@main
enum Entrypoint {
    static func main() async { await OnboardCommand.main() }
}
