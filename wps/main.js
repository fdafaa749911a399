// Loaded by index.html, as in Kingsoft's ET templates: the ribbon's callbacks live in js/ribbon.js.
document.write('<script src="js/ribbon.js"></script>');
