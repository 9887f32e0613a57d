import CCurl
import Dispatch
import Foundation
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
        guard let handle = curl_easy_init() else {
            return .failure(.delivery(reply: "libcurl could not start a transfer", permanent: false))
        }
        defer { curl_easy_cleanup(handle) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            withExtendedLifetime(transfer) {
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
                // The progress callback lets a cancelled send stop; the debug callback keeps the
                // relay's own words (libcurl's error text has only the reply code).
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
                set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(buffer.baseAddress))
                guard status == CURLE_OK else { return status }
                return curl_easy_perform(handle)
            }
        }
        var replyCode = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &replyCode)
        if code == CURLE_OK { return .success(transfer.lastReply ?? "\(replyCode) accepted") }
        if code == CURLE_ABORTED_BY_CALLBACK { return .failure(.interrupted) }
        let detail = String(cString: errorBuffer)
        let curlSaid = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        // A 5xx answer is the relay saying no for good, and so is a relay that will not do TLS;
        // anything else (no answer, a 4xx) may pass.
        let refused = (500..<600).contains(replyCode)
        let noTLS = code == CURLE_USE_SSL_FAILED
        let permanent = refused || noTLS || code == CURLE_LOGIN_DENIED
        let reply = transfer.lastRefusal ?? curlSaid
        return .failure(
            .delivery(reply: noTLS ? "the relay does not offer STARTTLS: \(curlSaid)" : reply, permanent: permanent))
    }
}

/// One message on its way: the bytes libcurl reads, the relay's last answer, and whether the
/// send was cancelled. Touched by libcurl's callbacks on the mailer's queue, and by the
/// cancellation handler (only `cancelled`, which is atomic).
final class Transfer: Sendable {
    let bytes: [UInt8]
    let cancelled = Atomic<Bool>(false)
    private let state = Mutex<(offset: Int, lastReply: String?, lastRefusal: String?)>((0, nil, nil))

    init(_ data: Data) { bytes = Array(data) }

    var lastReply: String? { state.withLock { $0.lastReply } }
    /// The last 4xx or 5xx answer: after a refusal libcurl still says QUIT, and the relay "221".
    var lastRefusal: String? { state.withLock { $0.lastRefusal } }

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

    /// CURLOPT_DEBUGFUNCTION: keeps the last line the relay sent (CURLINFO_HEADER_IN); nothing
    /// trustd sends (which holds the password during AUTH) is looked at.
    static let debug: ccurl_debug_callback = { _, type, data, size, userdata in
        guard type == CURLINFO_HEADER_IN, let data, let userdata else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = line.first, first.isNumber else { return 0 }
        Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue().state.withLock {
            $0.lastReply = String(line.prefix(500))
            if first == "4" || first == "5" { $0.lastRefusal = String(line.prefix(500)) }
        }
        return 0
    }
}
