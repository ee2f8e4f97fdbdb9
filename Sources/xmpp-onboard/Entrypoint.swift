import Glibc
import OnboardCLI

@main
enum Entrypoint {
    /// Runs the command as a task, which ends the process with `exit`.
    ///
    /// Synchronous on purpose: an `async` main parks the main thread in `dispatch_main()`, whose `pthread_exit`
    /// unwinds it (loading libgcc_s and reading the unwind tables).
    static func main() {
        Task.detached { await OnboardCommand.main(); exit(EXIT_SUCCESS) }
        while true { pause() }
    }
}
