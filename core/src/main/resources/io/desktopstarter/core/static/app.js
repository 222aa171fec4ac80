// Client-side helpers: form validation (the server validates again) and the task status poll.
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

  function validatePonyForm(form) {
    let ok = true;
    const name = form.elements.name;
    const notes = form.elements.notes;
    const show = (field, message) => {
      const error = document.getElementById(field.id + "-error");
      if (error) error.textContent = message;
      field.classList.toggle("invalid", message !== "");
      if (message !== "") ok = false;
    };
    const trimmed = name.value.trim();
    show(name, trimmed === "" ? "Give the pony a name."
      : [...trimmed].length > name.maxLength ? `Keep the name to ${name.maxLength} characters or fewer.` : "");
    show(notes, [...notes.value.trim()].length > notes.maxLength
      ? `Keep the notes to ${notes.maxLength} characters or fewer.` : "");
    return ok;
  }

  document.querySelectorAll("form[data-validate]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!validatePonyForm(form)) {
        event.preventDefault();
        form.querySelector(".invalid")?.focus();
      }
    });
  });

  const table = document.getElementById("task-table");
  if (!table) return;
  const body = table.querySelector("tbody");
  const seen = new Map();
  body.querySelectorAll("tr[data-id]").forEach((row) =>
    seen.set(row.dataset.id, row.querySelector(".state")?.textContent.trim()));

  function cell(text) {
    const td = document.createElement("td");
    td.textContent = text;
    return td;
  }

  function render(tasks) {
    body.replaceChildren();
    if (tasks.length === 0) {
      const row = document.createElement("tr");
      row.className = "no-tasks";
      const td = cell("No tasks yet. Start one to watch it run.");
      td.colSpan = 4;
      row.append(td);
      body.append(row);
      return;
    }
    for (const task of tasks) {
      const row = document.createElement("tr");
      row.dataset.id = task.id;
      const state = document.createElement("span");
      state.className = "state " + task.state.toLowerCase();
      const dot = document.createElement("i");
      dot.className = "indicator";
      state.append(dot, task.state);
      const stateCell = document.createElement("td");
      stateCell.append(state);
      const time = document.createElement("time");
      time.dateTime = task.createdAt;
      time.textContent = new Date(task.createdAt).toLocaleTimeString();
      const timeCell = document.createElement("td");
      timeCell.append(time);
      row.append(cell(String(task.id)), stateCell, cell(task.message), timeCell);
      const key = String(task.id);
      if (seen.has(key) && seen.get(key) !== task.state) row.classList.add("changed");
      seen.set(key, task.state);
      body.append(row);
    }
  }

  async function poll() {
    try {
      const response = await fetch(table.dataset.poll, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok) render((await response.json()).tasks);
    } catch (e) {
      // The backend is stopping or restarting; the next poll tries again.
    }
  }

  document.getElementById("start-task")?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch("/tasks/", {
      method: "POST",
      headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
    });
    if (response.ok) poll();
  });

  body.querySelectorAll("time").forEach((t) => { t.textContent = new Date(t.dateTime).toLocaleTimeString(); });
  setInterval(poll, 2000);
})();
