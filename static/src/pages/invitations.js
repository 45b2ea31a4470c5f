// The printable sheet of invitations (/c/{slug}/organisation/invitations): its print button, which
// needs a script (the page's CSP allows no inline one); without script, the browser's own Print works.
const button = document.getElementById('print')
button.addEventListener('click', () => window.print())
button.hidden = false
