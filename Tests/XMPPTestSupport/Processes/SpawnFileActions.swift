#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// posix_spawn file actions shared by the test process spawners.
enum SpawnFileActions {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes every descriptor from 3 up in the child (glibc ≥ 2.34 `posix_spawn_file_actions_addclosefrom_np`,
    /// looked up at run time because Swift's Glibc module does not show it), so a server started while a parallel
    /// test holds a pipe to its tool does not keep that pipe open.
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
        _ = addCloseFrom(&actions, 3)
    }
}
