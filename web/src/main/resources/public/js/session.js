// Shows who is signed in, with Sign out (and Accounts for a teacher), when accounts are on. Without JavaScript the
// pages work the same; /sign-in and the sign-out form are plain HTML.
(function () {
  'use strict';
  // The labels come in the page's language from data attributes on the slot (see layout/page.jte).
  const slot = document.getElementById('session');
  if (!slot) {
    return;
  }
  fetch('/api/session', {headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .then((session) => {
      if (!session) {
        return;
      }
      if (!session.user || session.role === 'TEACHER') {
        const lessons = document.createElement('a');
        lessons.href = '/lessons';
        lessons.id = 'lessons-link';
        lessons.textContent = slot.dataset.lessons || 'Lessons';
        slot.appendChild(lessons);
      }
      if (!session.user) {
        return;
      }
      const who = document.createElement('span');
      who.className = 'who';
      who.id = 'signed-in-as';
      who.textContent = session.user + ' (' + String(session.role).toLowerCase() + ')';
      slot.appendChild(who);
      if (session.role === 'TEACHER') {
        const accounts = document.createElement('a');
        accounts.href = '/users';
        accounts.textContent = slot.dataset.accounts || 'Accounts';
        slot.appendChild(accounts);
      }
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/sign-out';
      form.className = 'inline-form';
      const button = document.createElement('button');
      button.type = 'submit';
      button.className = 'secondary';
      button.id = 'sign-out';
      button.textContent = slot.dataset.signOut || 'Sign out';
      form.appendChild(button);
      slot.appendChild(form);
    })
    .catch(() => {});
})();
