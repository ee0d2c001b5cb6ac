"""Case summary and letter drafts: a deterministic template by default, optionally the Kommune's language model.

- template_summary.py: the summary from the case's own data, every sentence with its source;
- letters.py: drafts of the body text of a Nachforderung and an Anhörung (``draft_letter_text``);
- llm.py / endpoint.py: one OpenAI-compatible chat completion on the Kommune's server (off by default);
- keystore.py: the API key, encrypted at rest; settings_page.py: the tenant administrator's settings page;
- actions.py: the audited request; views.py + wiring.py: the workspace panel and the summary page.
AI suggests, the clerk decides: nothing here changes a case or sends anything to the applicant.
"""
