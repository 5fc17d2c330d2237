"""cheerio subset in the sandbox, against literals and the real cheerio.

`require('cheerio')` follows cheerio 0.22.0, the version Postman's sandbox bundles; the
cheerio 1.0 flavour ("__pmr_cheerio_rc") is compared with cheerio 1.0.0-rc.12.
"""

from __future__ import annotations

import json

import pytest

from tests.sandbox.test_lib_common import assert_same, run_node, run_ours

FILES = ["cheerio.js"]

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Login &amp; more</title>
  <style>p > b { color: red }</style>
  <script>var x = "<p>not a tag</p>";</script>
</head>
<body class="main page">
  <div id="app" data-user-id="42" data-flags='{"a":1}'>
    <h1 class="title">Welcome, <b>Ada</b>!</h1>
    <p>First paragraph
    <p class="note">Second &copy; 2024 &#8212; &#x263A;
    <ul id="menu">
      <li class="item active"><a href="/home" title="Home">Home</a>
      <li class="item"><a href="/docs">Docs</a>
      <li class="item last"><a href="https://example.com/x?a=1&amp;b=2">Ext</a>
    </ul>
    <form id="login" action="/session" method="post">
      <input type="hidden" name="csrf" value="tok-123">
      <input type="text" name="user" value="ada">
      <input type="checkbox" name="remember" checked>
      <select name="lang"><option value="en">English<option value="fr" selected>French</select>
      <textarea name="bio">Hello
world</textarea>
      <br/>
      <img src="/logo.png" alt="logo">
    </form>
    <!-- a comment -->
    <table><tr><td>1<td>2<tr><td>3<td>4</table>
  </div>
</body>
</html>"""

EXPRS = [
    "$('title').text()",
    "$('h1').text()",
    "$('h1').html()",
    "$('#app').attr('data-user-id')",
    "$('#app').data()",
    "$('#app').data('userId')",
    "$('p').length",
    "$('p').eq(1).text()",
    "$('p.note').text()",
    "$('li').length",
    "$('li.item.active a').attr('href')",
    "$('#menu > li').map(function (i, el) { return $(el).text().trim(); }).get()",
    "$('a').map(function (i, el) { return $(this).attr('href'); }).get()",
    "$('ul li:first-child a').text()",
    "$('ul li:last-child').hasClass('last')",
    "$('li:nth-child(2)').text().trim()",
    "$('li').first().text().trim()",
    "$('li').last().find('a').attr('href')",
    "$('a[href^=\"https\"]').text()",
    "$('a[href$=\"docs\"]').text()",
    "$('a[title]').length",
    "$('input[name=csrf]').val()",
    "$('input[name=\"user\"]').val()",
    "$('input[type=checkbox]').val()",
    "$('select[name=lang]').val()",
    "$('textarea').val()",
    "$('form').attr('action')",
    "$('form input').length",
    "$('form').find('input').eq(1).attr('name')",
    "$('td').map(function () { return $(this).text(); }).get()",
    "$('tr').length",
    "$('img').attr('alt')",
    "$('script').html()",
    "$('style').text()",
    "$('h1, title').length",
    "$('h1 b').parent().attr('class')",
    "$('b').closest('div').attr('id')",
    "$('#menu').children().length",
    "$('#menu').children('.last').text().trim()",
    "$('li.active').next().text().trim()",
    "$('li.last').prev().find('a').text()",
    "$('li.active').siblings().length",
    "$('body').hasClass('page')",
    "$('.missing').attr('x')",
    "$('.missing').html()",
    "$('.missing').text()",
    "$('li').filter('.last').length",
    "$('li').not('.active').length",
    "$('li').is('.active')",
    "$('p:contains(\"First\")').length",
    "$('li:has(a[href=\"/docs\"])').attr('class')",
    "$('#menu li:not(.active)').length",
    "$('li:eq(1)').text().trim()",
    "$('li:first').text().trim()",
    "$('li:last').text().trim()",
    "$('form').serializeArray()",
    "(function(){ var out = []; $('li').each(function (i, el) { out.push([i, el.name, el.attribs.class]); if (i === 1) return false; }); return out; })()",
    "$('a').first().attr()",
    "$('ul').html().replace(/\\s+/g, ' ')",
    "$.html($('img'))",
    "$.html($('input').first())",
    "$('h1').toString()",
    "$('p.note').html()",
    "$.text($('h1'))",
    "$('li').toArray().length",
    "$('#menu').find('a').length",
    "$('a', '#menu').length",
    "$('a').eq(-1).text()",
    "$('p').first().text()",
    "$('form').serialize()",
]

FRAGMENT_EXPRS = [
    ("<ul><li>a</li><li>b</li></ul>", "$.html()"),
    ("<p>x<br>y</p>", "$('p').html()"),
    ("<div>a &lt; b &amp; c&nbsp;d</div>", "$('div').html()"),
    ("<div title='say \"hi\"'>q</div>", "$('div').toString()"),
    ("<p>one<p>two", "$('p').length"),
    ("<title>T</title><p>body</p>", "$.html()"),
    ("<root><item id=\"1\">A</item><item id=\"2\"/></root>", "$('item').map(function () { return $(this).attr('id'); }).get()"),
    ("text only", "$.text()"),
    ("<span>a</span><span>b</span>", "$('span').text()"),
    ("<div><p>a</p></div><p>b</p>", "$('div > p').length + ',' + $('div p, body > p').length"),
    ("<h2>x</h2><p>1</p><p>2</p><div></div><p>3</p>", "$('h2 ~ p').length + ',' + $('h2 + p').text()"),
    ("<ul><li>1</li><li>2</li><li>3</li><li>4</li></ul>", "$('li:nth-child(odd)').text() + '|' + $('li:nth-child(2n)').text() + '|' + $('li:even').text()"),
]


LEGACY_FRAGMENTS = [
    ('<div title="a&amp;b &quot;q&quot; é">it\'s "x" é &lt;</div>', "[$('div').html(), $.html(), $('div').attr('title')]"),
    ("<title>A &amp; B</title><textarea>x &lt; y</textarea>", "[$('title').text(), $('textarea').text(), $.html()]"),
    ("<div/><span>x</span>", "[$.html(), $('div').children().length]"),
    ("<p>a</p></p><br></br>", "$.html()"),
    ("<ul><li>a<li>b</ul><p>x<div>y</div>", "[$.html(), $('li').length]"),
    ("<table><tr><td>1<td>2<tr><td>3</table>", "[$.html(), $('table > tr').length]"),
    ("<select><option>a<option selected>b</select><input name=q value=1>", "[$('select').val(), $('input').val(), $.html()]"),
    ('<script>if (a < b) x = "&amp;";</script><style>a>b{}</style>', "[$('script').html(), $('script').text(), $.html()]"),
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "[$.html(), $('body').html()]"),
    ('<a href="/x?a=1&b=2">l</a>', "[$('a').attr('href'), $.html()]"),
    ("<p>x</p>", "[$('p').first().toString(), $.text(), $.root().html()]"),
    ("<p>emoji \U0001F600 and \u00a0nbsp</p>", "$('p').html()"),
]


def _page_case(expr: str, module: str = "cheerio") -> str:
    return "(function(){ var $ = require('" + module + "').load(" + json.dumps(PAGE) + "); return " + expr + "; })()"


def _fragment_case(html: str, expr: str, module: str = "cheerio") -> str:
    return "(function(){ var $ = require('" + module + "').load(" + json.dumps(html) + "); return " + expr + "; })()"


# cheerio 1.0 flavour: ours under "__pmr_cheerio_rc", the real one is npm's cheerio 1.0.0-rc.12
RC_OURS = [_page_case(e, "__pmr_cheerio_rc") for e in EXPRS] + [_fragment_case(h, e, "__pmr_cheerio_rc") for h, e in FRAGMENT_EXPRS]
RC_REAL = [_page_case(e) for e in EXPRS] + [_fragment_case(h, e) for h, e in FRAGMENT_EXPRS]
# cheerio 0.22 (Postman's): jQuery-only pseudos (:eq, :first, ...) and sibling combinators at
# the document's top level are left out, 0.22 does not support them
_LEGACY_EXPRS = [e for e in EXPRS if not any(p in e for p in (":eq(", ":first'", ":last'", ":first)", ":last)"))]
_LEGACY_FRAGS = [(h, e) for h, e in FRAGMENT_EXPRS if ":even" not in e and "~" not in e and "body >" not in e] + LEGACY_FRAGMENTS
LEGACY_OURS = [_page_case(e) for e in _LEGACY_EXPRS] + [_fragment_case(h, e) for h, e in _LEGACY_FRAGS]
LEGACY_REAL = [_page_case(e, "cheerio022") for e in _LEGACY_EXPRS] + [_fragment_case(h, e, "cheerio022") for h, e in _LEGACY_FRAGS]


def test_cheerio_literal_values() -> None:
    cases = [
        _page_case("$('title').text()"),
        _page_case("$('input[name=csrf]').val()"),
        _page_case("$('#menu > li').map(function (i, el) { return $(el).find('a').attr('href'); }).get()"),
        _page_case("$('td').length"),
        _page_case("$('p.note').contents().first().text().trim()"),
        _fragment_case("<p>x<br>y</p>", "$('p').html()"),
        _page_case("$('select').val()"),
        _fragment_case("<p>caf\u00e9</p><ul><li>a<li>b</ul>", "[$('p').html(), $('li').length, $.html()]"),
        _fragment_case("<ul><li>a</ul>", "$.html()", "__pmr_cheerio_rc"),
        "(function(){ try { require('cheerio').load('<p/>')('p[[') } catch (e) { return e.name; } })()",
    ]
    assert run_ours(cases, FILES) == [
        "Login & more",
        "tok-123",
        ["/home", "/docs", "https://example.com/x?a=1&b=2"],
        4,
        "Second \u00a9 2024 \u2014 \u263a",
        "x<br>y",
        "fr",
        ["caf&#xE9;", 2, "<p>caf&#xE9;</p><ul><li>a</li><li>b</li></ul>"],
        "<html><head></head><body><ul><li>a</li></ul></body></html>",
        "SyntaxError",
    ]


def test_xml_mode_keeps_case_and_self_closing() -> None:
    (out,) = run_ours(
        ["(function(){ var $ = require('cheerio').load('<Feed><Entry id=\"a\"/><Entry id=\"b\">t</Entry></Feed>', {xmlMode: true});"
         " return [$('Entry').length, $('Entry').last().text(), $.xml()]; })()"],
        FILES,
    )
    assert out == [2, "t", '<Feed><Entry id="a"/><Entry id="b">t</Entry></Feed>']


@pytest.mark.conformance
def test_same_as_cheerio_0_22_bundled_by_postman() -> None:
    theirs = run_node(LEGACY_REAL, {"cheerio022": "cheerio022@npm:cheerio@0.22.0"})
    assert_same(LEGACY_OURS, run_ours(LEGACY_OURS, FILES), theirs)


@pytest.mark.conformance
def test_rc_flavour_same_as_cheerio_1_0_rc() -> None:
    theirs = run_node(RC_REAL, {"cheerio": "cheerio@1.0.0-rc.12"})
    assert_same(RC_OURS, run_ours(RC_OURS, FILES), theirs)
