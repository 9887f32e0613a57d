import CCurl
import Dispatch
import Foundation
import TrustCenter
import Synchronization

/// Sends mail with libcurl's SMTP client. Each send runs `curl_easy_perform` on the mailer's own
/// serial queue, off Swift's cooperative pool, so a slow relay never holds up request handling.
/// Certificates are verified; STARTTLS is required unless the settings say otherwise. A send
/// whose task is cancelled (trustd stopping) is abandoned within about a second.
public final class CurlMailer: Mailer {
    let settings: RelaySettings
    private let queue = DispatchQueue(label: "trustcenter.mail")

    public init(settings: RelaySettings) {
        self.settings = settings
        _ = Self.globalInit
    }

    /// libcurl's global set-up, once per process.
    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public func send(_ message: MailMessage) async throws(MailError) -> String {
        let rendered = try message.rendered()
        let settings = self.settings
        let transfer = Transfer(rendered)
        let result: Result<String, MailError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Self.perform(transfer, to: message.to.address, settings: settings))
                }
            }
        } onCancel: {
            transfer.cancelled.store(true, ordering: .relaxed)
        }
        return try result.get()
    }

    /// One SMTP transaction, blocking. Returns the relay's last answer on success.
    static func perform(_ transfer: Transfer, to recipient: String, settings: RelaySettings) -> Result<
        String, MailError
    > {
        // Everything libcurl holds a pointer to outlives `curl_easy_cleanup`, which runs first.
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        guard let handle = curl_easy_init() else {
            return .failure(.relayUnavailable(reply: "libcurl could not start a transfer"))
        }
        return withExtendedLifetime(transfer) {
            defer { curl_easy_cleanup(handle) }
            let context = Unmanaged.passUnretained(transfer).toOpaque()
            var status = ccurl_setopt_string(handle, CURLOPT_URL, settings.url)
            func set(_ option: CURLoption, _ value: Int) {
                if status == CURLE_OK { status = ccurl_setopt_long(handle, option, value) }
            }
            func set(_ option: CURLoption, _ value: String?) {
                if let value, status == CURLE_OK { status = ccurl_setopt_string(handle, option, value) }
            }
            func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
                if status == CURLE_OK { status = ccurl_setopt_pointer(handle, option, pointer) }
            }
            set(CURLOPT_MAIL_FROM, "<\(settings.from.address)>")
            if status == CURLE_OK { status = ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients) }
            set(CURLOPT_UPLOAD, 1)
            set(CURLOPT_INFILESIZE_LARGE, transfer.bytes.count)
            if status == CURLE_OK { status = ccurl_setopt_callback(handle, CURLOPT_READFUNCTION, Transfer.read) }
            set(CURLOPT_READDATA, pointer: context)
            // The progress callback lets a cancelled send stop; the debug callback keeps the relay's
            // own words and which command it refused (libcurl's error text has only the code).
            if status == CURLE_OK { status = ccurl_setopt_xferinfo(handle, Transfer.progress) }
            set(CURLOPT_XFERINFODATA, pointer: context)
            set(CURLOPT_NOPROGRESS, 0)
            if status == CURLE_OK { status = ccurl_setopt_debug(handle, Transfer.debug) }
            set(CURLOPT_DEBUGDATA, pointer: context)
            set(CURLOPT_VERBOSE, 1)
            set(
                CURLOPT_USE_SSL,
                settings.security == .none ? Int(CURLUSESSL_NONE.rawValue) : Int(CURLUSESSL_ALL.rawValue))
            set(CURLOPT_SSL_VERIFYPEER, 1)
            set(CURLOPT_SSL_VERIFYHOST, 2)
            set(CURLOPT_CAINFO, settings.caFile)
            set(CURLOPT_USERNAME, settings.username)
            set(CURLOPT_PASSWORD, settings.password)
            set(CURLOPT_CONNECTTIMEOUT, settings.connectTimeoutSeconds)
            set(CURLOPT_TIMEOUT, settings.timeoutSeconds)
            set(CURLOPT_NOSIGNAL, 1)
            // QUIT inside the transfer, where the timeout and cancellation still apply.
            set(CURLOPT_FORBID_REUSE, 1)
            set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
            let code = status == CURLE_OK ? curl_easy_perform(handle) : status
            if code == CURLE_OK { return .success(transfer.accepted ?? "accepted") }
            if code == CURLE_ABORTED_BY_CALLBACK { return .failure(.interrupted) }
            let detail = String(cString: errorBuffer)
            let curlSaid = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            if code == CURLE_USE_SSL_FAILED {
                return .failure(.relayUnavailable(reply: "the relay does not offer STARTTLS: \(curlSaid)"))
            }
            // Only an answer to RCPT (this recipient) or to the message itself concerns this
            // notice; anything else is the relay's or the set-up's problem and every notice waits.
            if let refusal = transfer.refusal, ["RCPT", "DATA"].contains(refusal.command) {
                return .failure(.refused(reply: refusal.reply, permanent: refusal.reply.hasPrefix("5")))
            }
            return .failure(.relayUnavailable(reply: transfer.refusal?.reply ?? curlSaid))
        }
    }
}

/// One message on its way: the bytes libcurl reads, the relay's last answer, and whether the
/// send was cancelled. Touched by libcurl's callbacks on the mailer's queue, and by the
/// cancellation handler (only `cancelled`, which is atomic).
final class Transfer: Sendable {
    let bytes: [UInt8]
    let cancelled = Atomic<Bool>(false)
    private let state = Mutex<
        (offset: Int, command: String, accepted: String?, refusal: (command: String, reply: String)?)
    >(
        (0, "", nil, nil))

    init(_ data: Data) { bytes = Array(data) }

    /// The relay's answer to the message (the reply after DATA's content), when it took it.
    var accepted: String? { state.withLock { $0.accepted } }
    /// The first 4xx or 5xx answer, and the command it answered.
    var refusal: (command: String, reply: String)? { state.withLock { $0.refusal } }

    /// CURLOPT_READFUNCTION: copies the next bytes into libcurl's buffer; 0 ends the upload.
    static let read: ccurl_io_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
        return transfer.state.withLock { state in
            let length = min(size * count, transfer.bytes.count - state.offset)
            guard length > 0 else { return 0 }
            transfer.bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                UnsafeMutableRawPointer(buffer).copyMemory(from: base + state.offset, byteCount: length)
            }
            state.offset += length
            return length
        }
    }

    /// CURLOPT_XFERINFOFUNCTION: non-zero aborts the transfer.
    static let progress: ccurl_xferinfo_callback = { userdata, _, _, _, _ in
        guard let userdata else { return 0 }
        return Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue().cancelled.load(ordering: .relaxed) ? 1 : 0
    }

    /// CURLOPT_DEBUGFUNCTION: notes the verb of each command sent (only the verb: AUTH carries the
    /// password) and the relay's answers (CURLINFO_HEADER_IN).
    static let debug: ccurl_debug_callback = { _, type, data, size, userdata in
        guard type == CURLINFO_HEADER_OUT || type == CURLINFO_HEADER_IN, let data, let userdata else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        if type == CURLINFO_HEADER_OUT {
            let verb = String(decoding: bytes.prefix(4), as: UTF8.self).uppercased()
            transfer.state.withLock { $0.command = verb }
            return 0
        }
        let line = String(
            String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        guard let first = line.first, first.isNumber else { return 0 }
        transfer.state.withLock { state in
            if first == "4" || first == "5" {
                if state.refusal == nil { state.refusal = (state.command, line) }
            } else if first == "2", state.command == "DATA" {
                state.accepted = line
            }
        }
        return 0
    }
}
