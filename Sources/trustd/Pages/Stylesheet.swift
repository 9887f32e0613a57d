extension Pages {
    /// The one stylesheet: system fonts, readable on a phone, visible focus for keyboard users.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #fff; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { line-height: 1.2; }
        label, legend { display: block; font-weight: 600; }
        .question { margin: 1.25rem 0; }
        .optional { font-weight: 400; color: #505050; }
        .help, .step, .meta { color: #505050; margin: .25rem 0; }
        input[type=text], input[type=email], input[type=tel], select, textarea {
            width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 2px solid #555; }
        fieldset { border: 0; padding: 0; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .35rem 0; }
        .choice input { margin-top: .35rem; width: 1.15rem; height: 1.15rem; flex: none; }
        .choice label { font-weight: 400; }
        .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.5rem 0; }
        button { font: inherit; padding: .6rem 1.2rem; border: 2px solid #0b5394; background: #fff; color: #0b5394; }
        button.primary { background: #0b5394; color: #fff; }
        :focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
        .error-summary { border: 4px solid #b00020; padding: .5rem 1rem; margin: 1rem 0; }
        .has-error { border-left: 4px solid #b00020; padding-left: .75rem; }
        .field-error { color: #b00020; font-weight: 600; margin: .25rem 0; }
        .notice { border: 4px solid #1d7a3a; padding: .5rem 1rem; margin: 1rem 0; }
        .key { font-size: 1.4rem; font-family: ui-monospace, monospace; letter-spacing: .05em; }
        .review dt { font-weight: 600; margin-top: .75rem; }
        .review dd { margin: 0; }
        .messages { list-style: none; padding: 0; }
        .messages li { border: 1px solid #ccc; padding: .5rem .75rem; margin: .5rem 0; }
        .messages .from-you { background: #f3f6fa; }
        /* Anonymous hides every identity field, without script; the server drops them too. */
        main:has(#field-identity-anonymous:checked) .identity-details { display: none; }
        .languages { max-width: 40rem; margin: 0 auto; padding: 0 1rem 1rem; }
        .languages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        .languages button { border: 0; padding: .25rem .5rem; text-decoration: underline; }
        """
}
