"""The study bar under a question's answer: mark it, go to the next question, expand every answer.

Written into the page's HTML right after the answer (before the related questions), where the reader decides,
so nothing moves when docs/assets/study.js brings it to life: it carries ``qbank-pending``, which keeps its place
but invisible until the script is ready (and removes it entirely without JavaScript, extra.css). The next
question is a plain link, so a question page never downloads ``questions.json`` to find it.
"""

from __future__ import annotations

import html

RELATED_MARK = '<div class="related-questions"'


def study_bar(strings: dict, question_id: str, next_link: tuple[str, str] | None) -> str:
    """The bar's HTML; ``next_link`` is (href, title) of the next question in the site's order, None after the last."""
    e = html.escape
    parts = [
        f'<div class="qbank-study qbank-bar qbank-pending" data-question="{e(question_id)}" data-pagefind-ignore>',
        f'<span class="qbank-study__prompt">{e(strings["prompt"])}</span>',
        f'<button type="button" class="md-button qbank-mark" data-mark="mastered" aria-pressed="false">{e(strings["mastered"])}</button>',
        f'<button type="button" class="md-button qbank-mark" data-mark="review" aria-pressed="false">{e(strings["review"])}</button>',
    ]
    if next_link:
        href, title = next_link
        parts.append(f'<a class="md-button" data-qbank-next href="{e(href)}" title="{e(title)}">{e(strings["practice_next"])}</a>')
    parts += [
        f'<button type="button" class="md-button" data-expand-all aria-pressed="false">{e(strings["expand_all"])}</button>',
        '<span class="qbank-study__status" role="status" aria-live="polite"></span>',
        "</div>",
    ]
    return "\n".join(parts)


def with_study_bar(content: str, bar: str) -> str:
    """The page's HTML with the bar after the answer: before the related questions, which follow the answer."""
    at = content.find(RELATED_MARK)
    return content + bar if at < 0 else content[:at] + bar + "\n" + content[at:]
