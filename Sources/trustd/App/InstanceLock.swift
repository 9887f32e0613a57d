import Foundation

/// The one `trustd serve` of a database file. Two on one SQLite file would both run the
/// scheduler and the mailer, and every notice would go out twice; so `serve` takes an exclusive
/// lock on `DATABASE.lock` before it opens anything, and keeps it until the process ends. The
/// lock is the kernel's (`flock`), so it goes with the process, even after kill -9: a stale lock
/// file never blocks a start. The file holds the holder's process id, to name it.
///
/// The officer commands (`trustd officer add`) take no lock: they run beside `serve` on purpose.
enum InstanceLock {
    /// Takes the lock for `databasePath` for the rest of this process's life (its descriptor is
    /// never closed), or fails naming the process that holds it.
    static func hold(forDatabase databasePath: String) throws {
        let folder = (databasePath as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        // One lock file whatever path names the database: a symbolic link or another relative
        // path to the same file must not give a second trustd a lock of its own.
        let path = canonical(databasePath) + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw CommandFailure(
                "cannot open the lock file \(path) (\(String(cString: strerror(errno))))", exitCode: 78)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = Self.holder(descriptor)
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw CommandFailure("cannot lock \(path) (\(String(cString: strerror(reason))))", exitCode: 78)
            }
            throw CommandFailure(
                "database \(databasePath) is in use by another trustd\(holder.map { " (process \($0))" } ?? "") "
                    + "that holds \(path): stop it first, or give this one its own database.path", exitCode: 75)
        }
        record(getpid(), in: descriptor)
    }

    /// The database's path with every symbolic link resolved (its folder's, when it does not exist yet).
    private static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + (path as NSString).lastPathComponent
    }

    /// Writes this process's id into the lock file, for the message a second start prints.
    private static func record(_ pid: pid_t, in descriptor: Int32) {
        let line = Array("\(pid)\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The process id the holder wrote, with its command name where /proc has it.
    private static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return name.map { "\(pid), \($0)" } ?? "\(pid)"
    }
}
