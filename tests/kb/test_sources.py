"""Reading kb/ folders: seeds, Markdown, HTML, manifest, safety of references and YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.errors import WorkspaceError
from integrations.kb.sources import Finding, load_kb, scan_kb

from .conftest import PNG, Writer


def messages(findings: list[Finding], level: str | None = None) -> list[str]:
    return [str(f) for f in findings if level is None or f.level == level]


def test_four_seeds_are_three_articles_one_with_french_and_korean(seeds_workspace: Path) -> None:
    kb, warnings = load_kb(seeds_workspace)
    assert sorted(kb.articles) == ["gamigo-contact", "rakuten-publisher-support",
                                   "stripchat-contact-support"]
    stripchat = kb.articles["stripchat-contact-support"]
    assert sorted(stripchat.translations) == ["fr", "ko"]  # detected: nothing is declared
    assert stripchat.source_locale == "fr"
    assert stripchat.translations["ko"].title == "고객 지원 연락처"
    assert kb.sections["stripchat/support"].titles == {"fr": "Support", "ko": "고객 지원"}
    text = "\n".join(messages(warnings))
    assert "language detected as ko (script)" in text
    assert "'S’abonner'" in text and "'로그인 / 회원가입'" in text
    assert "[email protected]" in text
    assert "image 'mceclip0.png' not found" in text
    assert "image 'Screen_Shot_2022-04-27_at_10.23.49_AM.png' not found" in text
    assert "<img" not in kb.articles["rakuten-publisher-support"].translations["fr"].body


def test_markdown_with_front_matter_links_and_images(write: Writer) -> None:
    write("kb/help/start/pic.png", PNG)
    write("kb/help/start/b.md", "---\nkey: second\nlocale: en\n---\n# Second\n\nText b.\n")
    root = write("kb/help/start/a.md",
                 "---\nkey: first\nlocale: en\nlabels: [x, y]\ndraft: true\n---\n"
                 "# First article\n\nSee [the other](b.md#top) and ![pic](pic.png).\n\n"
                 "<script>alert(1)</script><p onclick=\"x()\">Click</p>\n")
    kb, _ = load_kb(root)
    first = kb.articles["first"]
    translation = first.translations["en"]
    assert translation.title == "First article" and translation.draft is True
    assert first.labels == ("x", "y")
    assert 'href="kb:second"' in translation.body and translation.links == ("second",)
    assert 'src="help/start/pic.png"' in translation.body
    assert translation.images == ("help/start/pic.png",)
    assert kb.images["help/start/pic.png"].sha256
    assert "script" not in translation.body and "onclick" not in translation.body


def test_html_source_title_and_sanitising(write: Writer) -> None:
    root = write("kb/help/start/page.html",
                 "<html><head><title>Ignored</title><script>x()</script></head><body>"
                 "<h1>Real title</h1><p>Body <a href=\"javascript:alert(1)\">x</a></p>"
                 "<iframe src=\"https://evil.example\"></iframe><svg onload=\"x()\"></svg>"
                 "</body></html>")
    kb, _ = load_kb(root)
    (article,) = kb.articles.values()
    (translation,) = article.translations.values()
    assert translation.title == "Real title"
    assert translation.body == "<p>Body <a>x</a></p>"


@pytest.mark.parametrize("ref, expected", [
    ("../../../../etc/passwd.png", "leaves the kb/ folder"),
    ("/etc/hosts.png", "absolute path"),
    ("../../../outside.md", "leaves the kb/ folder"),
])
def test_references_stay_inside_the_workspace(write: Writer, ref: str, expected: str) -> None:
    kind = "![i]" if ref.endswith(".png") else "[l]"
    root = write("kb/help/start/a.md", f"---\nlocale: en\n---\n# A\n\n{kind}({ref})\n")
    write("outside.md", "# secret\n")
    with pytest.raises(WorkspaceError) as err:
        load_kb(root)
    assert expected in str(err.value) and "kb/help/start/a.md" in str(err.value)


def test_symlinks_are_not_followed(write: Writer, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    root = write("kb/help/start/a.md", "---\nlocale: en\n---\n# A\n\n![i](s.png)\n")
    (root / "kb/help/start/s.png").symlink_to(secret)
    _, findings = scan_kb(root)
    assert any("symbolic link" in m for m in messages(findings, "error"))


def test_front_matter_is_parsed_safely(write: Writer, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    root = write("kb/help/start/a.md",
                 f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n# A\n")
    with pytest.raises(WorkspaceError) as err:
        load_kb(root)
    assert "front matter is not valid YAML" in str(err.value)
    assert not marker.exists()


def test_every_error_is_reported_at_once(write: Writer) -> None:
    write("kb/help/start/a.md", "---\nlocale: en\nvisibility: vip\ncolour: red\n---\n# A\n\nx\n")
    write("kb/help/start/b.md", "---\nlocale: en\nkey: same\n---\n# B\n\nx\n")
    write("kb/help/start/c.md", "---\nlocale: en\nkey: same\n---\n# C\n\nx\n")
    write("kb/help/start/d.md", "---\nlocale: en\n---\n# D\n")
    root = write("kb/loose.md", "# misplaced\n")
    with pytest.raises(WorkspaceError) as err:
        load_kb(root)
    text = str(err.value)
    assert "visibility 'vip' cannot be mapped" in text and "never published as public" in text
    assert "unknown front matter key 'colour'" in text
    assert "key 'same' has two en versions" in text
    assert "kb/help/start/d.md:1: empty article" in text
    assert "articles live in kb/<category>/<section>/" in text


def test_duplicate_titles_in_one_section_are_flagged(write: Writer) -> None:
    write("kb/help/start/a.md", "---\nlocale: en\n---\n# Same\n\nx\n")
    root = write("kb/help/start/b.md", "---\nlocale: en\n---\n# Same\n\ny\n")
    _, warnings = load_kb(root)
    assert any("title 'Same' is also used by" in m for m in messages(warnings))


def test_translations_are_paired_by_key_not_by_file_name(write: Writer) -> None:
    write("kb/help/start/reset.md", "---\nkey: reset\n---\n# Reset your password\n\n"
                                    "Open the settings page and choose a new password.\n")
    write("kb/help/start/zzz.md", "---\nkey: reset\n---\n# Réinitialiser le mot de passe\n\n"
                                  "Ouvrez la page des paramètres et choisissez un nouveau mot "
                                  "de passe pour votre compte.\n")
    root = write("kb/help/start/reset.ko.md", "---\nkey: other\n---\n# 비밀번호 재설정\n\n"
                                              "설정 페이지를 열고 새 비밀번호를 선택하세요.\n")
    kb, _ = load_kb(root)
    assert sorted(kb.articles["reset"].translations) == ["en", "fr"]
    assert sorted(kb.articles["other"].translations) == ["ko"]


def test_manifest_with_bad_yaml_names_line_column_and_the_problem(write: Writer) -> None:
    write("kb/help/start/a.md", "---\nlocale: en\n---\n# A\n\nx\n")
    root = write("kb/manifest.yaml", "source_locale: en\nlocales: [en, fr\n"
                                     "categories:\n  help: {title: Help}\n")
    _, findings = scan_kb(root)
    expected = ("kb/manifest.yaml:3:11: {}invalid YAML: expected ',' or ']', but got ':' "
                "(while parsing a flow sequence started at line 2)")
    assert expected.format("error: ") in messages(findings, "error")
    with pytest.raises(WorkspaceError) as err:
        load_kb(root)
    assert expected.format("") in [str(p) for p in err.value.problems]
    assert "ParserError" not in str(err.value)


def test_manifest_with_a_tab_points_at_the_tab(write: Writer) -> None:
    root = write("kb/manifest.yaml", "source_locale: en\ncategories:\n\thelp: {}\n")
    _, findings = scan_kb(root)
    assert any(m.startswith("kb/manifest.yaml:3:1: error: invalid YAML: found character "
                            "'\\t' that cannot start any token")
               for m in messages(findings, "error")), messages(findings)
