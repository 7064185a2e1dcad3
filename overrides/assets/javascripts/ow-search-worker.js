/* Operations Watch search worker.
 *
 * Speaks Material for MkDocs' search-worker messages (0 SETUP, 1 READY, 2 QUERY, 3 RESULT), so
 * the theme's search box, result list and keyboard behaviour stay as they are, but answers from
 * the index the generator builds (search-index/, see generator/search_index.py) instead of a
 * lunr index of the whole site built in the reader's browser. It loads only the files a query
 * needs, as scripts: in a real worker with importScripts (served), in the iframe that stands in
 * for a worker on file:// with the shim's importScripts, which adds <script> tags and returns
 * a promise. Every index file calls __owSearch(kind, key, data...).
 *
 * Words are reduced to the index's common form (stem, the same rules as search_index.stem), and
 * a word that matches nothing is replaced by the nearest name the index knows (at most one or two
 * letters apart), with a "did you mean" line above the results.
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var LIMIT = 20;          // results shown; each needs its document shard
  var PREFIX_DISCOUNT = 0.6; // a term that only starts a word counts for less than the word
  var WHOLE_TITLE = 30, TITLE_START = 3; // bonuses among the best results

  var script = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || self.location.href;
  var base = new URL("../../search-index/", script).href;

  var manifest = null;
  var terms = {};   // shard key -> {term: [doc gap, score, ...]}
  var cut = {};     // term -> true when its list keeps only its best documents
  var docs = {};    // shard number -> [[url, title, meta, snippet], ...]
  var keys = null;  // set of shard keys
  var stop = null;
  var names = {};   // first letter -> {term: documents}, loaded for "did you mean"

  self.__owSearch = function (kind, key, data, extra) {
    if (kind === "m") {
      manifest = data;
      keys = new Set(data.keys);
      stop = new Set(data.stop);
    } else if (kind === "t") {
      terms[key] = data;
      (extra || []).forEach(function (t) { cut[t] = true; });
    } else if (kind === "d") {
      docs[key] = data;
    } else if (kind === "n") {
      names[key] = data;
    }
  };

  function fileName(kind, key) {
    var out = "";
    for (var ch of key)
      out += /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16) + "_";
    return kind + "-" + out + ".js";
  }

  var realWorker = typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope;

  /* Load index files (absolute addresses: the iframe resolves against the page). A real worker
     fetches them all at once and runs them in order (importScripts would fetch one at a time);
     the iframe on file://, where fetch cannot read files, uses the shim's script tags. */
  function load(files) {
    if (!files.length) return Promise.resolve();
    var urls = files.map(function (f) { return base + f; });
    if (realWorker && typeof fetch === "function") {
      return Promise.all(urls.map(function (url) {
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.text();
        });
      })).then(function (texts) {
        texts.forEach(function (text) { (0, eval)(text); });
      });
    }
    var result = importScripts.apply(self, urls);
    return result && typeof result.then === "function" ? result : Promise.resolve();
  }

  function normalise(text) {
    return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  /* The common form of a word: generator/search_index.py's stem, rule for rule. */
  function stem(word) {
    if (word.length <= 3 || !/^\p{L}+$/u.test(word)) return word;
    if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (word.endsWith("ed") && word.length > 4 && /[aeiou]/.test(word.slice(0, -2))) word = word.slice(0, -2);
    else if (word.endsWith("ing") && word.length > 5 && /[aeiou]/.test(word.slice(0, -3))) word = word.slice(0, -3);
    if (word.length > 3 && word.endsWith("y") && "aeiou".indexOf(word[word.length - 2]) < 0) word = word.slice(0, -1) + "i";
    else if (word.length >= 4 && word.endsWith("e")) word = word.slice(0, -1);
    return word;
  }

  self.__owSearch.stem = stem;  // for the tests: the same rules as search_index.stem

  function tokens(text) {
    return (normalise(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (t) { return !stop.has(t); }).map(stem);
  }

  /* Edit distance (a swap of two neighbours counts one), or max + 1 once it is above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      rows[i] = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        if (d < least) least = d;
      }
      if (least > max) return max + 1;
    }
    return rows[a.length][b.length];
  }

  /* The known name nearest to a word that matches nothing: one letter off for words of four to
     seven letters, two for longer ones; the most used of equally near names. */
  function nearest(term) {
    var max = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    if (!max) return Promise.resolve(null);
    var letter = Array.from(term)[0];
    if (names[letter] === undefined && manifest.names.indexOf(letter) < 0) return Promise.resolve(null);
    return load(names[letter] ? [] : [fileName("n", letter)]).then(function () {
      var best = null, bestDistance = max + 1, bestCount = 0, known = names[letter] || {};
      Object.keys(known).forEach(function (word) {
        var d = distance(term, word, max);
        if (d < bestDistance || (d === bestDistance && d <= max && known[word] > bestCount)) {
          best = word; bestDistance = d; bestCount = known[word];
        }
      });
      return best;
    });
  }

  /* The shards that hold a query term and, for terms of two characters or more, its completions. */
  function shardsFor(term) {
    var found = "", wanted = [];
    keys.forEach(function (key) {
      if (term.startsWith(key) && key.length > found.length) found = key;
      else if (term.length >= 2 && key.length > term.length && key.startsWith(term)) wanted.push(key);
    });
    if (found) wanted.push(found);
    return wanted;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* Escaped text with the words that match a query term marked, as Material marks them. */
  function highlight(text, query) {
    var out = "", last = 0, re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text))) {
      var word = stem(normalise(m[0]));
      if (query.some(function (t) { return word.startsWith(t); })) {
        out += escapeHTML(text.slice(last, m.index)) + "<mark data-md-highlight>" + escapeHTML(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escapeHTML(text.slice(last));
  }

  /* Per query term: {doc: score} over the indexed words it is or starts, and whether it is optional. */
  function match(term) {
    var scores = new Map(), soft = false;
    shardsFor(term).forEach(function (key) {
      var shard = terms[key] || {};
      Object.keys(shard).forEach(function (word) {
        var exact = word === term;
        if (!exact && (term.length < 2 || !word.startsWith(term))) return;
        if (cut[word]) soft = true;
        var list = shard[word], doc = 0, weight = exact ? 1 : PREFIX_DISCOUNT;
        for (var i = 0; i < list.length; i += 2) {
          doc += list[i];
          var score = list[i + 1] * weight;
          if (score > (scores.get(doc) || 0)) scores.set(doc, score);
        }
      });
    });
    return { scores: scores, soft: soft };
  }

  /* The word the reader is typing, completed from the best results' titles (indexed terms are
     common forms such as "rescu", not words to show). */
  function completion(value, titles) {
    var words = normalise(value).match(/[\p{L}\p{N}]+$/u);
    if (!words) return null;
    var typed = words[0];
    for (var i = 0; i < titles.length; i++) {
      var found = (titles[i].match(/[\p{L}\p{N}]+/gu) || []).map(normalise).filter(function (w) {
        return w.length > typed.length && w.startsWith(typed);
      });
      if (found.length) return found[0];
    }
    return null;
  }

  function loadTerms(query) {
    var needed = new Set();
    query.forEach(function (t) { shardsFor(t).forEach(function (k) { if (!terms[k]) needed.add(k); }); });
    return load(Array.from(needed, function (k) { return fileName("t", k); }));
  }

  function search(value) {
    var query = [];
    tokens(value).forEach(function (t) { if (query.indexOf(t) < 0) query.push(t); });
    if (!query.length) return Promise.resolve({ items: [], total: 0 });
    var typed = query.slice(), corrected = [];
    return loadTerms(query).then(function () {
      // A word that matches nothing, not even as the start of a word: the nearest known name.
      return Promise.all(query.map(function (t) {
        return match(t).scores.size ? null : nearest(t);
      }));
    }).then(function (found) {
      found.forEach(function (word, i) {
        if (word && query.indexOf(word) < 0) { corrected.push([typed[i], word]); query[i] = word; }
      });
      return loadTerms(query);
    }).then(function () {
      var matches = query.map(match);
      var hard = matches.filter(function (m) { return !m.soft && m.scores.size; });
      var candidates;
      if (matches.some(function (m) { return !m.soft && !m.scores.size; })) hard = [];
      if (hard.length) {
        // Every term whose full list is known must match; the others only add to the score.
        hard.sort(function (a, b) { return a.scores.size - b.scores.size; });
        candidates = Array.from(hard[0].scores.keys()).filter(function (d) {
          return hard.every(function (m) { return m.scores.has(d); });
        });
      } else {
        candidates = [];
      }
      if (!candidates.length) {
        // Nothing has every word: rank what has some of them; the list shows which are missing.
        var any = new Set();
        matches.forEach(function (m) { m.scores.forEach(function (_, d) { any.add(d); }); });
        candidates = Array.from(any);
      }
      var ranked = candidates.map(function (d) {
        var score = 0;
        matches.forEach(function (m) { score += m.scores.get(d) || 0; });
        return [d, score];
      }).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      var total = ranked.length;
      ranked = ranked.slice(0, LIMIT);
      var shards = new Set();
      ranked.forEach(function (r) { var n = Math.floor(r[0] / manifest.per); if (!docs[n]) shards.add(n); });
      return load(Array.from(shards, function (n) { return "d-" + n + ".js"; })).then(function () {
        // A title that is the query, or starts with it, comes first among the best.
        var wanted = query.join(" ");
        ranked.forEach(function (r) {
          var title = tokens(docs[Math.floor(r[0] / manifest.per)][r[0] % manifest.per][1]).join(" ");
          if (title === wanted) r[1] += WHOLE_TITLE;
          else if (title.startsWith(wanted)) r[1] += TITLE_START;
        });
        ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        var items = ranked.map(function (r) {
          var row = docs[Math.floor(r[0] / manifest.per)][r[0] % manifest.per];
          var found = {};
          query.forEach(function (t, i) { found[t] = matches[i].scores.has(r[0]); });
          var text = (row[2] ? "<p>" + escapeHTML(row[2]) + "</p>" : "") + (row[3] ? "<p>" + highlight(row[3], query) + "</p>" : "");
          return [{ location: row[0], title: highlight(row[1], query), text: text, score: r[1], terms: found }];
        });
        if (corrected.length && items.length) {
          var words = corrected.map(function (pair) { return "<strong>" + escapeHTML(pair[1]) + "</strong>"; }).join(", ");
          var typedWords = corrected.map(function (pair) { return "“" + escapeHTML(pair[0]) + "”"; }).join(", ");
          items[0][0].text = '<p class="ow-did-you-mean">Did you mean ' + words + "? Nothing matches " + typedWords + "; these are the results for the nearest name.</p>" + items[0][0].text;
        }
        var result = { items: items, total: total };
        var last = /[\p{L}\p{N}]$/u.test(value) && !corrected.length ? completion(value, ranked.map(function (r) {
          return docs[Math.floor(r[0] / manifest.per)][r[0] % manifest.per][1];
        })) : null;
        if (last) result.suggest = [last];
        return result;
      });
    });
  }

  var ready = null;
  var latest = 0;

  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      // Material sends its own (now empty) index; this worker reads the generator's instead.
      ready = ready || load(["manifest.js"]);
      ready.then(function () { postMessage({ type: READY }); });
    } else if (message.type === QUERY) {
      var id = ++latest;
      (ready || (ready = load(["manifest.js"])))
        .then(function () { return id === latest ? search(message.data) : null; })
        .then(function (result) {
          // Only the answer to the newest query is shown: the reader may have typed on.
          if (result && id === latest) postMessage({ type: RESULT, data: result });
        })
        .catch(function (error) {
          if (id === latest) postMessage({ type: RESULT, data: { items: [], total: 0 } });
          setTimeout(function () { throw error; });
        });
    }
  });
})();
