// Newsroom editor: Markdown toolbar, preview, autosave, word-processor paste,
// tag suggestions and the photo picker. Plain script, no build step. Every part leaves the
// text alone while an input method is composing a syllable (Korean IME):
// acting mid-composition would split or duplicate the syllable.
"use strict";

(function () {
  var form = document.getElementById("story-form");
  if (!form) return;
  // The side-by-side translation editor has one field per paragraph and no
  // single body: the body aids then work on a detached field, harmlessly.
  var body = document.getElementById("body") || document.createElement("textarea");
  var csrf = document.body.getAttribute("data-csrf") || "";
  var status = document.getElementById("autosave-status");
  var composing = false;

  // Composition tracking for every field of the form.
  form.addEventListener("compositionstart", function () { composing = true; });
  form.addEventListener("compositionend", function () { composing = false; });

  function post(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "X-Requested-With": "newsroom", "Accept": "application/json" }
    });
  }

  function changed() { body.dispatchEvent(new Event("input", { bubbles: true })); }

  // --- Toolbar -----------------------------------------------------------
  function wrap(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd;
    var sel = body.value.slice(s, e) || placeholder || "";
    body.setRangeText(before + sel + after, s, e, "end");
    body.selectionStart = s + before.length;
    body.selectionEnd = s + before.length + sel.length;
  }
  // prefixLines puts prefix before every line the selection touches.
  function prefixLines(prefix) {
    var v = body.value, s = body.selectionStart, e = body.selectionEnd;
    var start = v.lastIndexOf("\n", s - 1) + 1;
    var end = v.indexOf("\n", e);
    if (end < 0) end = v.length;
    var lines = v.slice(start, end).split("\n").map(function (l) { return prefix + l; });
    body.setRangeText(lines.join("\n"), start, end, "select");
  }
  var actions = {
    bold: function () { wrap("**", "**"); },
    italic: function () { wrap("*", "*"); },
    heading: function () { prefixLines("## "); },
    quote: function () { prefixLines("> "); },
    list: function () { prefixLines("- "); },
    link: function (btn) {
      var url = window.prompt(btn.getAttribute("data-prompt"), "https://");
      if (url && /^(https?:\/\/|mailto:|\/)/i.test(url)) wrap("[", "](" + url + ")");
    }
  };
  form.querySelectorAll("[data-md]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      if (composing) return;
      body.focus();
      actions[btn.getAttribute("data-md")](btn);
      changed();
    });
  });
  body.addEventListener("keydown", function (ev) {
    // Never a shortcut mid-composition: the key belongs to the IME.
    if (ev.isComposing || composing || ev.keyCode === 229) return;
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
    var k = ev.key.toLowerCase();
    if (k === "b" || k === "i") {
      ev.preventDefault();
      actions[k === "b" ? "bold" : "italic"]();
      changed();
    }
  });

  // --- Preview -----------------------------------------------------------
  var preview = document.getElementById("preview");
  var pbtn = document.getElementById("preview-button");
  if (pbtn && preview) {
    var label = pbtn.textContent;
    pbtn.addEventListener("click", function () {
      if (!preview.hidden) {
        preview.hidden = true; body.hidden = false; pbtn.textContent = label;
        return;
      }
      // The whole form: the preview is the article page, headline to byline.
      var fd = body.form ? new FormData(body.form) : new FormData();
      fd.set("body", body.value);
      fd.delete("action");
      post("/admin/preview", fd).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (html) {
        // Sanitized on the server by the public pages' renderer.
        preview.innerHTML = html;
        preview.hidden = false; body.hidden = true;
        pbtn.textContent = pbtn.getAttribute("data-label-edit");
      }).catch(function () { preview.hidden = true; });
    });
  }

  // --- Paste from a word processor ----------------------------------------
  var blockTags = /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|TR|PRE|SECTION|ARTICLE)$/;
  function htmlToParagraphs(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll("style,script,title,meta,head").forEach(function (n) { n.remove(); });
    var paras = [], cur = "";
    function flush(prefix) {
      var t = cur.replace(/[ \t\u00a0]+/g, " ").trim();
      if (t) paras.push((prefix || "") + t);
      cur = "";
    }
    // Bold and italic as word processors mark them: <b>, <strong>, <i>,
    // <em>, or a span's font-weight / font-style (Google Docs wraps a whole
    // paste in <b style="font-weight:normal">, which is not bold).
    function marks(n) {
      // The style attribute is read as text: a parsed clipboard document
      // has no rendering, so n.style may be empty there.
      var style = n.getAttribute("style") || "";
      var fw = (/font-weight\s*:\s*([a-z0-9]+)/i.exec(style) || [])[1] || "";
      var fs = (/font-style\s*:\s*([a-z]+)/i.exec(style) || [])[1] || "";
      var bold = /^(B|STRONG)$/.test(n.tagName) ? !/^(normal|[1-5]00)$/.test(fw) : fw === "bold" || /^[6-9]00$/.test(fw);
      var italic = /^(I|EM)$/.test(n.tagName) ? fs !== "normal" : fs === "italic";
      return (bold ? "**" : "") + (italic ? "*" : "");
    }
    // inner walks n's children apart and returns their text.
    function inner(n) {
      var saved = cur;
      cur = "";
      n.childNodes.forEach(walk);
      var t = cur;
      cur = saved;
      return t;
    }
    // wrap puts open/close around t, outside its surrounding spaces.
    function wrap(t, open, close) {
      var m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t);
      return m[2] ? m[1] + open + m[2] + close + m[3] : t;
    }
    function walk(n) {
      if (n.nodeType === 3) { cur += n.nodeValue.replace(/\s+/g, " "); return; }
      if (n.nodeType !== 1) return;
      if (n.tagName === "BR") { cur += "\n"; return; }
      var block = blockTags.test(n.tagName);
      if (!block) {
        var href = n.tagName === "A" ? n.getAttribute("href") || "" : "";
        if (/^(https?:|mailto:)/i.test(href)) {
          cur += wrap(inner(n), "[", "](" + href.replace(/[()\s]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"); }) + ")");
          return;
        }
        var m = marks(n);
        if (m) {
          cur += wrap(inner(n), m, m.split("").reverse().join(""));
          return;
        }
      }
      if (block) flush();
      n.childNodes.forEach(walk);
      if (block) {
        var level = /^H[1-6]$/.test(n.tagName) ? +n.tagName.charAt(1) : 0;
        var prefix = level ? "#".repeat(Math.min(Math.max(level, 2), 4)) + " " : n.tagName === "LI" ? "- " : n.tagName === "BLOCKQUOTE" ? "> " : "";
        flush(prefix);
      }
    }
    walk(doc.body);
    flush();
    return paras.map(function (p) { return p.split("\n").map(function (l) { return l.trim(); }).join("\n"); }).join("\n\n");
  }
  body.addEventListener("paste", function (ev) {
    var dt = ev.clipboardData;
    if (!dt || composing) return;
    var html = dt.getData("text/html");
    if (!html) return;
    var text = htmlToParagraphs(html);
    if (!text) return;
    ev.preventDefault();
    body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
    changed();
  });

  // --- Tag suggestions after a comma --------------------------------------
  var tags = document.getElementById("tags");
  var list = document.getElementById("tag-suggestions");
  if (tags && list) {
    var known = Array.prototype.map.call(list.options, function (o) { return o.value; });
    tags.addEventListener("input", function () {
      if (composing) return;
      var v = tags.value, i = v.lastIndexOf(",");
      var head = i < 0 ? "" : v.slice(0, i + 1) + " ";
      var have = v.split(",").map(function (t) { return t.trim(); });
      list.textContent = "";
      known.forEach(function (t) {
        if (have.indexOf(t) >= 0) return;
        var o = document.createElement("option");
        o.value = head + t;
        list.appendChild(o);
      });
    });
  }

  // --- Photos: lead photo and photos in the body --------------------------
  // One picker (a <dialog> searching the media library) serves both the
  // lead photo field and the toolbar's photo button. Without this script
  // the lead photo is a plain text field for a photo ID.
  var picker = document.getElementById("photo-picker");
  if (picker && typeof picker.showModal === "function") {
    var q = document.getElementById("picker-q");
    var results = document.getElementById("picker-results");
    var pstatus = document.getElementById("picker-status");
    var idField = document.getElementById("photo_id");
    var idWrap = document.getElementById("photo-id-field");
    var thumb = document.getElementById("photo-thumb");
    var summary = document.getElementById("photo-summary");
    var removeBtn = document.getElementById("photo-remove");
    var mode = "lead", bodySel = null, searchTimer = null, searchSeq = 0, qComposing = false;

    // The ID field hides behind the buttons, unless it holds a refused ID
    // the person typed: then it stays in view, as typed.
    var buttons = document.getElementById("photo-buttons");
    if (buttons) buttons.hidden = false;
    if (idWrap && !idWrap.hasAttribute("data-invalid")) idWrap.hidden = true;

    function showLead(p) {
      idField.value = p ? p.id : "";
      if (idWrap) { idWrap.hidden = true; idWrap.removeAttribute("data-invalid"); }
      idField.removeAttribute("aria-invalid");
      thumb.hidden = !p;
      if (p) thumb.src = p.thumb; else thumb.removeAttribute("src");
      summary.textContent = p ? p.caption : summary.getAttribute("data-none");
      if (p && p.credit) {
        var cr = document.createElement("span");
        cr.className = "credit";
        cr.textContent = p.credit;
        summary.appendChild(document.createTextNode(" "));
        summary.appendChild(cr);
      }
      // The story's own caption and credit show the library's as a hint.
      var cap = document.getElementById("photo_caption"), cred = document.getElementById("photo_credit");
      if (cap) cap.placeholder = p ? p.caption : "";
      if (cred) cred.placeholder = p ? p.credit : "";
      if (removeBtn) removeBtn.hidden = !p;
      form.dispatchEvent(new Event("input", { bubbles: true })); // autosave notices
    }

    // insertPhoto puts the photo's Markdown where the cursor was, as a
    // paragraph of its own (a figure cannot sit inside a paragraph).
    function insertPhoto(md) {
      var v = body.value;
      var s = bodySel ? bodySel[0] : v.length, e = bodySel ? bodySel[1] : v.length;
      var before = v.slice(0, s), after = v.slice(e);
      var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
      var trail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
      body.focus();
      body.setRangeText(lead + md + trail, s, e, "end");
      changed();
    }

    function choose(p) {
      picker.close();
      if (mode === "lead") { showLead(p); return; }
      // Never while a syllable is being composed in the body: wait for it.
      if (composing) {
        body.addEventListener("compositionend", function () { setTimeout(function () { insertPhoto(p.markdown); }, 0); }, { once: true });
        return;
      }
      insertPhoto(p.markdown);
    }

    function search() {
      var seq = ++searchSeq;
      pstatus.textContent = "";
      fetch(picker.getAttribute("data-pick") + "&q=" + encodeURIComponent(q.value), {
        credentials: "same-origin", headers: { "Accept": "application/json", "X-Requested-With": "newsroom" }
      }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (j) {
        if (seq !== searchSeq) return; // an older answer arriving late
        results.textContent = "";
        (j.photos || []).forEach(function (p) {
          var li = document.createElement("li");
          var b = document.createElement("button");
          b.type = "button";
          b.className = "pick";
          b.setAttribute("data-id", p.id);
          var img = document.createElement("img");
          img.src = p.thumb; img.alt = ""; img.width = 80; img.height = 80;
          var cap = document.createElement("span");
          cap.className = "pick-caption";
          cap.textContent = p.caption || p.name || p.id;
          b.appendChild(img);
          b.appendChild(cap);
          if (p.credit) {
            var cr = document.createElement("span");
            cr.className = "credit";
            cr.textContent = p.credit;
            b.appendChild(cr);
          }
          b.addEventListener("click", function () { choose(p); });
          li.appendChild(b);
          results.appendChild(li);
        });
        if (!j.photos || !j.photos.length) pstatus.textContent = picker.getAttribute("data-empty");
      }).catch(function () {
        if (seq === searchSeq) pstatus.textContent = picker.getAttribute("data-failed");
      });
    }

    function openPicker(m) {
      if (composing) return;
      mode = m;
      bodySel = m === "body" ? [body.selectionStart, body.selectionEnd] : null;
      picker.showModal();
      q.focus();
      search();
    }

    document.querySelectorAll("[data-picker]").forEach(function (btn) {
      btn.addEventListener("click", function () { openPicker(btn.getAttribute("data-picker")); });
    });
    if (removeBtn) removeBtn.addEventListener("click", function () { showLead(null); });
    document.getElementById("picker-close").addEventListener("click", function () { picker.close(); });
    // Search as one types, but not on a half-made syllable.
    q.addEventListener("compositionstart", function () { qComposing = true; });
    q.addEventListener("compositionend", function () { qComposing = false; q.dispatchEvent(new Event("input")); });
    q.addEventListener("input", function () {
      if (qComposing) return;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(search, 250);
    });
    q.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.isComposing && !qComposing && ev.keyCode !== 229) {
        ev.preventDefault();
        clearTimeout(searchTimer);
        search();
      }
    });
  }

  // --- Autosave ----------------------------------------------------------
  // Saves go through the same endpoint and revision check as the Save
  // button; a conflict stops autosave and says so instead of overwriting.
  if (form.getAttribute("data-autosave") !== "on") return;
  var base = form.querySelector("input[name=base]");
  var wideBase = form.querySelector("input[name=wide_base]");
  var delay = 5000, timer = null, inflight = null, dirty = false, stopped = false;

  function schedule() {
    if (stopped) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }
  function say(msg) { if (status) status.textContent = msg; }
  function save() {
    timer = null;
    if (stopped || !dirty) return;
    if (composing || inflight) { timer = setTimeout(save, 1000); return; }
    dirty = false;
    var fd = new FormData(form);
    fd.set("action", "autosave");
    fd.set("csrf_token", csrf);
    // getAttribute: form.action would be the button named "action".
    inflight = post(form.getAttribute("action"), fd).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, j: j }; });
    }).then(function (res) {
      if (res.status === 200) {
        base.value = res.j.revision;
        if (wideBase) wideBase.value = res.j.wide_revision;
        if (form.getAttribute("action") !== res.j.href) {
          form.setAttribute("action", res.j.href);
          history.replaceState(null, "", res.j.href);
          var sel = document.getElementById("lang");
          if (sel && sel.tagName === "SELECT") sel.disabled = true;
        }
        say(res.j.message);
      } else if (res.status === 409) {
        // Never overwrite: stop, say so, and offer to send the form, which
        // lands on the conflict page with this text in it.
        stopped = true;
        say(res.j.error);
        var resolve = document.getElementById("conflict-resolve");
        if (resolve && res.j.current) resolve.hidden = false;
      } else if (res.status === 422) {
        dirty = true;
        say(status.getAttribute("data-invalid"));
      } else {
        dirty = true;
        say(res.j.error || status.getAttribute("data-failed"));
      }
    }).catch(function () {
      dirty = true;
      say(status.getAttribute("data-failed"));
    }).then(function () { inflight = null; });
  }
  form.addEventListener("input", function () { if (!composing) schedule(); });
  form.addEventListener("compositionend", schedule);

  // A manual save waits for an autosave in flight, so it carries the
  // revision that autosave made instead of conflicting with it.
  form.addEventListener("submit", function (ev) {
    clearTimeout(timer);
    stopped = true;
    var sel = document.getElementById("lang");
    if (sel) sel.disabled = false;
    if (!inflight) return;
    ev.preventDefault();
    var submitter = ev.submitter;
    inflight.then(function () { form.requestSubmit(submitter); });
  });
})();

// Revisions and translation pages: confirmation of destructive forms, the
// "also editing" notice, and the side-by-side editor's paragraph fields.
(function () {
  var csrf = document.body.getAttribute("data-csrf") || "";

  // Forms marked data-confirm ask first (restore, delete, discard mine).
  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (ev) {
      if (!window.confirm(f.getAttribute("data-confirm"))) ev.preventDefault();
    });
  });

  // Presence: a heartbeat every data-every seconds while the page is open;
  // the answer names who else has this version open.
  var presence = document.getElementById("presence");
  if (presence && presence.getAttribute("data-href")) {
    var every = (parseInt(presence.getAttribute("data-every"), 10) || 30) * 1000;
    setInterval(function () {
      if (document.hidden) return;
      fetch(presence.getAttribute("data-href"), {
        method: "POST", credentials: "same-origin", body: new FormData(),
        headers: { "X-CSRF-Token": csrf, "X-Requested-With": "newsroom", "Accept": "application/json" }
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
        if (!j) return;
        presence.textContent = j.message || "";
        presence.hidden = !j.message;
      }).catch(function () {});
    }, every);
    // Closing the page (or going elsewhere) tells the server at once, so
    // that nobody is told for minutes that this person is still editing.
    window.addEventListener("pagehide", function () {
      // A beacon cannot carry headers: the token goes as a urlencoded field.
      navigator.sendBeacon(presence.getAttribute("data-href") + "/leave", new URLSearchParams({ csrf_token: csrf }));
    });
  }

  // Side by side: each translation paragraph grows with its text so the
  // rows stay aligned with the source and the whole page scrolls as one;
  // the source paragraph of the field being typed in is highlighted.
  var sbs = document.getElementById("sbs-body");
  if (!sbs) return;
  function fit(t) {
    t.style.height = "auto";
    t.style.height = (t.scrollHeight + 2) + "px";
  }
  sbs.querySelectorAll("textarea.para").forEach(function (t) {
    fit(t);
    t.addEventListener("input", function () { fit(t); });
    t.addEventListener("focus", function () { t.closest(".sbs-row").classList.add("active"); });
    t.addEventListener("blur", function () { t.closest(".sbs-row").classList.remove("active"); });
  });
})();
