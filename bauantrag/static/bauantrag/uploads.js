// Several Bauvorlagen at once (issue 16), as a progressive enhancement of the upload form: one choice of the kind
// per selected file (a copy of the form's list, pre-set to the kind chosen there), and files dropped onto the form.
// Without this script the form still uploads several files, all with the one kind chosen.
(function () {
  "use strict";

  function perFileChoices(form, input, select) {
    var list = form.querySelector(".upload-files");
    if (!list) {
      list = document.createElement("div");
      list.className = "upload-files";
      input.closest(".field").after(list);
    }
    list.textContent = "";
    var files = Array.prototype.slice.call(input.files || []);
    var single = files.length <= 1;
    select.disabled = !single;  // the per-file choices replace it; a disabled field is not sent
    select.closest(".field").hidden = !single;
    if (single) { return; }
    var heading = document.createElement("p");
    heading.className = "label";
    heading.textContent = form.dataset.perFileLabel;
    list.appendChild(heading);
    files.forEach(function (file, index) {
      var field = document.createElement("div");
      field.className = "field";
      var label = document.createElement("label");
      var copy = select.cloneNode(true);
      copy.id = select.id + "-" + index;
      copy.disabled = false;
      copy.value = select.value;
      label.htmlFor = copy.id;
      label.textContent = form.dataset.fileLabel.replace("{name}", file.name);
      field.appendChild(label);
      field.appendChild(copy);
      list.appendChild(field);
    });
  }

  function enhance(form) {
    var input = form.querySelector("input[type=file]");
    var select = form.querySelector("select[name=document_type]");
    if (!input || !select) { return; }
    input.addEventListener("change", function () { perFileChoices(form, input, select); });
    form.addEventListener("dragover", function (event) {
      event.preventDefault();
      form.classList.add("upload-drop");
    });
    form.addEventListener("dragleave", function () { form.classList.remove("upload-drop"); });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("upload-drop");
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        perFileChoices(form, input, select);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.upload-form"), enhance);
})();
