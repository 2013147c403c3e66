// Media library: uploads with progress (several files, picker or drag and
// drop, one request per file), and the focal point picked by clicking the
// photo. No build step; the pages work without it (multipart upload form,
// numeric focal point inputs).
(function () {
  "use strict";
  var csrf = document.body.getAttribute("data-csrf") || "";

  // ---- Upload ----
  var form = document.getElementById("upload-form");
  if (form) {
    var input = document.getElementById("files");
    var zone = document.getElementById("dropzone");
    var list = document.getElementById("upload-list");
    var queue = [];
    var busy = false;
    var msg = function (name) { return form.getAttribute("data-msg-" + name) || ""; };

    var next = function () {
      if (busy || queue.length === 0) { return; }
      busy = true;
      var job = queue.shift();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") + "?name=" + encodeURIComponent(job.file.name));
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.setRequestHeader("X-Requested-With", "newsroom");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { job.bar.max = e.total; job.bar.value = e.loaded; }
      };
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = {}; }
        if (xhr.status === 201 && data.id) {
          job.bar.value = job.bar.max;
          job.status.textContent = msg("done");
          var a = document.createElement("a");
          a.href = data.edit;
          a.className = "uploaded";
          a.textContent = msg("edit");
          var img = document.createElement("img");
          img.src = data.thumb;
          img.alt = "";
          job.li.insertBefore(img, job.li.firstChild);
          job.li.appendChild(a);
        } else {
          job.status.textContent = msg("failed") + " " + (data.error || xhr.statusText);
          job.status.className = "failed";
        }
        busy = false;
        next();
      };
      xhr.onerror = function () {
        job.status.textContent = msg("failed");
        job.status.className = "failed";
        busy = false;
        next();
      };
      xhr.send(job.file);
    };

    var add = function (files) {
      for (var i = 0; i < files.length; i++) {
        var li = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = files[i].name;
        var bar = document.createElement("progress");
        bar.max = files[i].size || 1;
        bar.value = 0;
        var status = document.createElement("span");
        status.className = "status-text";
        status.textContent = msg("waiting");
        li.appendChild(name);
        li.appendChild(bar);
        li.appendChild(status);
        list.appendChild(li);
        queue.push({ file: files[i], li: li, bar: bar, status: status });
      }
      next();
    };

    input.addEventListener("change", function () {
      add(input.files);
      input.value = "";
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      add(input.files);
    });
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files) { add(e.dataTransfer.files); }
    });
  }

  // ---- Focal point ----
  var frame = document.getElementById("focus-frame");
  if (frame) {
    var img = document.getElementById("focus-img");
    var mark = document.getElementById("focus-mark");
    var fx = document.getElementById("focus_x");
    var fy = document.getElementById("focus_y");
    var place = function () {
      mark.style.left = (parseFloat(fx.value) * 100) + "%";
      mark.style.top = (parseFloat(fy.value) * 100) + "%";
    };
    img.addEventListener("click", function (e) {
      if (fx.disabled) { return; } // the user may not set the crop
      var r = img.getBoundingClientRect();
      fx.value = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)).toFixed(3);
      fy.value = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)).toFixed(3);
      place();
    });
    fx.addEventListener("input", place);
    fy.addEventListener("input", place);
    place();
  }

  // ---- Delete confirmation ----
  var del = document.getElementById("delete-form");
  if (del) {
    del.addEventListener("submit", function (e) {
      if (!window.confirm(del.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  }
})();
