import CCurl
import Dispatch
import Foundation

/// Sends mail with libcurl's SMTP client. Each send runs `curl_easy_perform` on the mailer's own
/// serial queue, off Swift's cooperative pool, so a slow relay never holds up request handling.
/// Certificates are verified; STARTTLS is required unless the settings say otherwise.
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
        let result: Result<String, MailError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Self.perform(rendered, to: message.to.address, settings: settings))
            }
        }
        return try result.get()
    }

    /// One SMTP transaction, blocking. Returns the relay's last reply code as text on success.
    static func perform(_ payload: Data, to recipient: String, settings: RelaySettings) -> Result<String, MailError> {
        guard let handle = curl_easy_init() else {
            return .failure(.delivery(reply: "libcurl could not start a transfer", permanent: false))
        }
        defer { curl_easy_cleanup(handle) }
        let upload = Upload(payload)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            withExtendedLifetime(upload) {
                var status = ccurl_setopt_string(handle, CURLOPT_URL, settings.url)
                func set(_ option: CURLoption, _ value: Int) {
                    if status == CURLE_OK { status = ccurl_setopt_long(handle, option, value) }
                }
                func set(_ option: CURLoption, _ value: String?) {
                    if let value, status == CURLE_OK { status = ccurl_setopt_string(handle, option, value) }
                }
                set(CURLOPT_MAIL_FROM, "<\(settings.from.address)>")
                if status == CURLE_OK { status = ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients) }
                set(CURLOPT_UPLOAD, 1)
                set(CURLOPT_INFILESIZE_LARGE, payload.count)
                if status == CURLE_OK { status = ccurl_setopt_callback(handle, CURLOPT_READFUNCTION, Upload.read) }
                if status == CURLE_OK {
                    status = ccurl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
                }
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
                if status == CURLE_OK { status = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress) }
                guard status == CURLE_OK else { return status }
                return curl_easy_perform(handle)
            }
        }
        var reply = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        if code == CURLE_OK { return .success("\(reply) accepted") }
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        // A 5xx reply is the relay saying no for good; anything else (no answer, 4xx) may pass.
        let permanent = (500..<600).contains(reply) || code == CURLE_LOGIN_DENIED
        return .failure(.delivery(reply: reply > 0 ? "\(reply): \(text)" : text, permanent: permanent))
    }
}

/// The message bytes libcurl reads as it uploads.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0

    init(_ data: Data) { bytes = Array(data) }

    /// CURLOPT_READFUNCTION: copies the next bytes into libcurl's buffer; 0 ends the upload.
    static let read: ccurl_io_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return 0 }
        let upload = Unmanaged<Upload>.fromOpaque(userdata).takeUnretainedValue()
        let length = min(size * count, upload.bytes.count - upload.offset)
        guard length > 0 else { return 0 }
        upload.bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + upload.offset, byteCount: length)
        }
        upload.offset += length
        return length
    }
}
