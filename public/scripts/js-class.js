// Marks the page as scripted before it is painted, so CSS can collapse what a script will
// toggle (the phone menu). A file of its own: the Content-Security-Policy forbids inline script.
document.documentElement.classList.add('js');
