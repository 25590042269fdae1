// Runs only in browsers without ES modules (IE, the old compatibility mode of
// 360 and other dual-core browsers): they cannot run 文稿, so say so plainly
// instead of leaving a blank page. ES3 on purpose: no arrow functions, no let.
(function () {
  var root = document.getElementById('wengao');
  if (!root) { return; }
  root.innerHTML = '';
  var p = document.createElement('p');
  p.className = 'legacy';
  p.appendChild(document.createTextNode('这个浏览器太旧（或处在“兼容模式”），打不开文稿。请换用新版的 Chrome、Edge、Firefox、360 安全浏览器（切换到“极速模式”）或奇安信等浏览器；草稿都存在浏览器里，换浏览器前请先导出草稿。'));
  root.appendChild(p);
})();
