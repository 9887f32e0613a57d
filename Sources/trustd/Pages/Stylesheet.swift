extension Pages {
    /// The one stylesheet: system fonts, readable on a phone, visible focus for keyboard users.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #fff; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        label, legend { display: block; font-weight: 600; }
        input[type=text], input[type=email], input[type=tel], select, textarea {
            width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 2px solid #555; }
        fieldset { border: 0; padding: 0; margin: 1rem 0; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .25rem 0; }
        .choice label { font-weight: 400; }
        button { font: inherit; padding: .6rem 1.2rem; background: #0b5394; color: #fff; border: 0; }
        :focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
        .error-summary { border: 4px solid #b00020; padding: .5rem 1rem; margin-bottom: 1rem; }
        .key { font-size: 1.4rem; font-family: ui-monospace, monospace; letter-spacing: .05em; }
        """
}
