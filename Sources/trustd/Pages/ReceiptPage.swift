import TrustCenter

extension Pages {
    /// The receipt: the case reference and the follow-up key, shown this once.
    static func receipt(_ receipt: Receipt) -> String {
        HTML.page(
            title: "Report received",
            body: """
                <h1>Your report has been received</h1>
                <p>Case reference: <strong class="reference">\(HTML.escape(receipt.reference.description))</strong></p>
                <p>Your follow-up key:</p>
                <p class="key"><strong id="follow-up-key">\(HTML.escape(receipt.followUpKey))</strong></p>
                <p>Write the key down or keep it somewhere safe now. It is shown only this once, and we cannot
                recover it: we store only a fingerprint of it. The key is how you follow up on this report without
                telling us who you are.</p>
                """)
    }
}
