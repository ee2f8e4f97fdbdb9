import NIOPosix

/// The threads every connection and download of one process shares.
///
/// One event loop and one thread for blocking work (SRV lookups). A command talks to one server at a time, and one loop serves many sockets anyway; NIO's
/// `.singleton` groups would start a thread per CPU core for each, every one with its own stack and malloc arena.
enum ClientThreads {
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    static let blockingPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()
}
