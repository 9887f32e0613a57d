import Foundation
import Logging

/// Each connection is a file descriptor. Many systems start a process with a soft limit of 1,024
/// open files, below `limits.maxConnections`: trustd raises its soft limit as far as the hard
/// limit allows, and says so when that is still too low, rather than failing at accept().
enum OpenFileLimit {
    /// Descriptors beside the connections: the database and its WAL, the listener, logs, libcurl.
    static let reserve = 64

    static func raise(toServe connections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let needed = rlim_t(connections + reserve)
        guard limit.rlim_cur < needed else { return }
        limit.rlim_cur = min(needed, limit.rlim_max)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < needed {
            logger.warning(
                "the open-file limit is below limits.maxConnections; raise it (LimitNOFILE in systemd) or lower the cap",
                metadata: ["openFiles": "\(limit.rlim_cur)", "maxConnections": "\(connections)"])
        }
    }
}
