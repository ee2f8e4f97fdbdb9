import Glibc
import OnboardCLI

@main
enum Entrypoint {
    /// Synchronous on purpose: an `async` main hands the main thread to `dispatch_main()`, whose `pthread_exit`
    /// unwinds it (loading libgcc_s and reading the unwind tables). The command runs as a task and exits.
    static func main() {
        Task.detached { await OnboardCommand.main(); exit(EXIT_SUCCESS) }
        while true { pause() }
    }
}
