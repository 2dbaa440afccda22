// Snowball stemmers (english, russian), ported line by line from the Python package snowballstemmer 3.1.1
// by scripts/snowball_to_js.py: do not edit. Snowball's licence (BSD-3-Clause):
//
// Copyright (c) 2001, Dr Martin Porter
// Copyright (c) 2004,2005, Richard Boulton
// Copyright (c) 2013, Yoshiki Shibukawa
// Copyright (c) 2006-2025, Olly Betts
// All rights reserved.
//
// Redistribution and use in source and binary forms, with or without
// modification, are permitted provided that the following conditions
// are met:
//
//   1. Redistributions of source code must retain the above copyright notice,
//      this list of conditions and the following disclaimer.
//   2. Redistributions in binary form must reproduce the above copyright notice,
//      this list of conditions and the following disclaimer in the documentation
//      and/or other materials provided with the distribution.
//   3. Neither the name of the Snowball project nor the names of its contributors
//      may be used to endorse or promote products derived from this software
//      without specific prior written permission.
//
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
// ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
// WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
// DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
// ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
// (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
// LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
// ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
// (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
// SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"use strict";
(function (root) {
class BaseStemmer {
  setCurrent(value) {
    this.current = value; this.cursor = 0; this.limit = value.length;
    this.limit_backward = 0; this.bra = this.cursor; this.ket = this.limit;
  }
  in_grouping(s) {
    if (this.cursor >= this.limit || !s.includes(this.current[this.cursor])) return false;
    this.cursor++; return true;
  }
  go_in_grouping(s) {
    while (this.cursor < this.limit) { if (!s.includes(this.current[this.cursor])) return true; this.cursor++; }
    return false;
  }
  in_grouping_b(s) {
    if (this.cursor <= this.limit_backward || !s.includes(this.current[this.cursor - 1])) return false;
    this.cursor--; return true;
  }
  go_in_grouping_b(s) {
    while (this.cursor > this.limit_backward) { if (!s.includes(this.current[this.cursor - 1])) return true; this.cursor--; }
    return false;
  }
  out_grouping(s) {
    if (this.cursor >= this.limit || s.includes(this.current[this.cursor])) return false;
    this.cursor++; return true;
  }
  go_out_grouping(s) {
    while (this.cursor < this.limit) { if (s.includes(this.current[this.cursor])) return true; this.cursor++; }
    return false;
  }
  out_grouping_b(s) {
    if (this.cursor <= this.limit_backward || s.includes(this.current[this.cursor - 1])) return false;
    this.cursor--; return true;
  }
  go_out_grouping_b(s) {
    while (this.cursor > this.limit_backward) { if (s.includes(this.current[this.cursor - 1])) return true; this.cursor--; }
    return false;
  }
  eq_s(s) {
    if (this.current.slice(this.cursor, this.limit).startsWith(s)) { this.cursor += s.length; return true; }
    return false;
  }
  eq_s_b(s) {
    if (this.current.slice(this.limit_backward, this.cursor).endsWith(s)) { this.cursor -= s.length; return true; }
    return false;
  }
  find_among(v) {
    let i = 0, j = v.length, common_i = 0, common_j = 0, first_key_inspected = false;
    const c = this.cursor, l = this.limit;
    while (true) {
      const k = i + ((j - i) >> 1), w = v[k];
      let diff = 0, common = Math.min(common_i, common_j);
      for (let i2 = common; i2 < w[0].length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w[0].length) { this.cursor = c + w[0].length; return w[2]; }
      i = w[1];
      if (i < 0) return 0;
    }
  }
  find_among_b(v) {
    let i = 0, j = v.length, common_i = 0, common_j = 0, first_key_inspected = false;
    const c = this.cursor, lb = this.limit_backward;
    while (true) {
      const k = i + ((j - i) >> 1), w = v[k];
      let diff = 0, common = Math.min(common_i, common_j);
      for (let i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      const w = v[i];
      if (common_i >= w[0].length) { this.cursor = c - w[0].length; return w[2]; }
      i = w[1];
      if (i < 0) return 0;
    }
  }
  replace_s(c_bra, c_ket, s) {
    const adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  }
  slice_from(s) { this.replace_s(this.bra, this.ket, s); this.ket = this.bra + s.length; }
  slice_del() { this.slice_from(""); }
  stemWord(word) { this.setCurrent(word); this._stem(); return this.current; }
}
class EnglishStemmer extends BaseStemmer {
  r_prelude() {
        this.B_Y_found = false;
        var v_1 = this.cursor;
        L1: {
            this.bra = this.cursor;
            if (this.cursor === this.limit || this.current[this.cursor] !== "'") {
                break L1;
            }
            this.cursor += 1;
            this.ket = this.cursor;
            this.slice_del();
        }
        this.cursor = v_1;
        var v_2 = this.cursor;
        L2: {
            this.bra = this.cursor;
            if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                break L2;
            }
            this.cursor += 1;
            this.ket = this.cursor;
            this.slice_from("Y");
            this.B_Y_found = true;
        }
        this.cursor = v_2;
        var v_3 = this.cursor;
        L3: {
            while (true) {
                var v_4 = this.cursor;
                L4: {
                    while (true) {
                        var v_5 = this.cursor;
                        L5: {
                            if (!this.in_grouping(this.g_v)) {
                                break L5;
                            }
                            this.bra = this.cursor;
                            if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                                break L5;
                            }
                            this.cursor += 1;
                            this.ket = this.cursor;
                            this.cursor = v_5;
                            break;
                        }
                        this.cursor = v_5;
                        if (this.cursor >= this.limit) {
                            break L4;
                        }
                        this.cursor += 1;
                    }
                    this.slice_from("Y");
                    this.B_Y_found = true;
                    continue;
                }
                this.cursor = v_4;
                break;
            }
        }
        this.cursor = v_3;
        return true;
    }
  r_mark_regions() {
        this.I_p1 = this.limit;
        this.I_p2 = this.limit;
        var v_1 = this.cursor;
        L6: {
            while (true) {
                var v_2 = this.cursor;
                L7: {
                    if (this.find_among(this.a_0) === 0) {
                        break L7;
                    }
                    break;
                }
                this.cursor = v_2;
                if (!this.go_out_grouping(this.g_v)) {
                    break L6;
                }
                this.cursor += 1;
                if (!this.go_in_grouping(this.g_v)) {
                    break L6;
                }
                this.cursor += 1;
                break;
            }
            this.I_p1 = this.cursor;
            if (!this.go_out_grouping(this.g_v)) {
                break L6;
            }
            this.cursor += 1;
            if (!this.go_in_grouping(this.g_v)) {
                break L6;
            }
            this.cursor += 1;
            this.I_p2 = this.cursor;
        }
        this.cursor = v_1;
        return true;
    }
  r_shortv() {
        while (true) {
            var v_1 = this.limit - this.cursor;
            L8: {
                if (!this.out_grouping_b(this.g_v_WXY)) {
                    break L8;
                }
                if (!this.in_grouping_b(this.g_v)) {
                    break L8;
                }
                if (!this.out_grouping_b(this.g_v)) {
                    break L8;
                }
                break;
            }
            this.cursor = this.limit - v_1;
            L9: {
                if (!this.out_grouping_b(this.g_v)) {
                    break L9;
                }
                if (!this.in_grouping_b(this.g_v)) {
                    break L9;
                }
                if (this.cursor > this.limit_backward) {
                    break L9;
                }
                break;
            }
            this.cursor = this.limit - v_1;
            if (!this.eq_s_b("past")) {
                return false;
            }
            break;
        }
        return true;
    }
  r_R1() {
        return this.I_p1 <= this.cursor;
    }
  r_R2() {
        return this.I_p2 <= this.cursor;
    }
  r_Step_1a() {
        var v_1 = this.limit - this.cursor;
        L10: {
            this.ket = this.cursor;
            if (this.find_among_b(this.a_1) === 0) {
                this.cursor = this.limit - v_1;
                break L10;
            }
            this.bra = this.cursor;
            this.slice_del();
        }
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_2);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            this.slice_from("ss");
        }
        else if (among_var === 2) {
            while (true) {
                var v_2 = this.limit - this.cursor;
                L11: {
                    if (this.cursor - 2 < this.limit_backward) {
                        break L11;
                    }
                    this.cursor -= 2;
                    this.slice_from("i");
                    break;
                }
                this.cursor = this.limit - v_2;
                this.slice_from("ie");
                break;
            }
        }
        else if (among_var === 3) {
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            this.cursor -= 1;
            if (!this.go_out_grouping_b(this.g_v)) {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        return true;
    }
  r_Step_1b() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_5);
        this.bra = this.cursor;
        while (true) {
            var v_1 = this.limit - this.cursor;
            L12: {
                if (among_var === 1) {
                    var v_2 = this.limit - this.cursor;
                    L13: {
                        if (!this.r_R1()) {
                            break L13;
                        }
                        while (true) {
                            var v_3 = this.limit - this.cursor;
                            L14: {
                                if (this.find_among_b(this.a_3) === 0) {
                                    break L14;
                                }
                                if (this.cursor > this.limit_backward) {
                                    break L14;
                                }
                                break;
                            }
                            this.cursor = this.limit - v_3;
                            this.slice_from("ee");
                            break;
                        }
                    }
                    this.cursor = this.limit - v_2;
                }
                else if (among_var === 2) {
                    break L12;
                }
                else if (among_var === 3) {
                    var among_var = this.find_among_b(this.a_4);
                    if (among_var === 0) {
                        break L12;
                    }
                    if (among_var === 1) {
                        var v_4 = this.limit - this.cursor;
                        if (!this.out_grouping_b(this.g_v)) {
                            break L12;
                        }
                        if (this.cursor > this.limit_backward) {
                            break L12;
                        }
                        this.cursor = this.limit - v_4;
                        this.bra = this.cursor;
                        this.slice_from("ie");
                    }
                    else {
                        if (this.cursor > this.limit_backward) {
                            break L12;
                        }
                    }
                }
                break;
            }
            this.cursor = this.limit - v_1;
            var v_5 = this.limit - this.cursor;
            if (!this.go_out_grouping_b(this.g_v)) {
                return false;
            }
            this.cursor -= 1;
            this.cursor = this.limit - v_5;
            this.slice_del();
            this.ket = this.cursor;
            this.bra = this.cursor;
            var v_6 = this.limit - this.cursor;
            var among_var = this.find_among_b(this.a_6);
            if (among_var === 1) {
                this.slice_from("e");
                return false;
            }
            else if (among_var === 2) {
                var v_7 = this.limit - this.cursor;
                L15: {
                    if (!this.in_grouping_b(this.g_aeo)) {
                        break L15;
                    }
                    if (this.cursor > this.limit_backward) {
                        break L15;
                    }
                    return false;
                }
                this.cursor = this.limit - v_7;
            }
            else {
                if (this.cursor !== this.I_p1) {
                    return false;
                }
                var v_8 = this.limit - this.cursor;
                if (!this.r_shortv()) {
                    return false;
                }
                this.cursor = this.limit - v_8;
                this.slice_from("e");
                return false;
            }
            this.cursor = this.limit - v_6;
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward) {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            this.slice_del();
            break;
        }
        return true;
    }
  r_Step_1c() {
        this.ket = this.cursor;
        while (true) {
            L16: {
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "y") {
                    break L16;
                }
                this.cursor -= 1;
                break;
            }
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "Y") {
                return false;
            }
            this.cursor -= 1;
            break;
        }
        this.bra = this.cursor;
        if (!this.out_grouping_b(this.g_v)) {
            return false;
        }
        if (this.cursor <= this.limit_backward) {
            return false;
        }
        this.slice_from("i");
        return true;
    }
  r_Step_2() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_7);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R1()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_from("tion");
        }
        else if (among_var === 2) {
            this.slice_from("ence");
        }
        else if (among_var === 3) {
            this.slice_from("ance");
        }
        else if (among_var === 4) {
            this.slice_from("able");
        }
        else if (among_var === 5) {
            this.slice_from("ent");
        }
        else if (among_var === 6) {
            this.slice_from("ize");
        }
        else if (among_var === 7) {
            this.slice_from("ate");
        }
        else if (among_var === 8) {
            this.slice_from("al");
        }
        else if (among_var === 9) {
            this.slice_from("ful");
        }
        else if (among_var === 10) {
            this.slice_from("ous");
        }
        else if (among_var === 11) {
            this.slice_from("ive");
        }
        else if (among_var === 12) {
            this.slice_from("ble");
        }
        else if (among_var === 13) {
            this.slice_from("og");
        }
        else if (among_var === 14) {
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                return false;
            }
            this.cursor -= 1;
            this.slice_from("og");
        }
        else if (among_var === 15) {
            this.slice_from("less");
        }
        else {
            if (!this.in_grouping_b(this.g_valid_LI)) {
                return false;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_3() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_8);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R1()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_from("tion");
        }
        else if (among_var === 2) {
            this.slice_from("ate");
        }
        else if (among_var === 3) {
            this.slice_from("al");
        }
        else if (among_var === 4) {
            this.slice_from("ic");
        }
        else if (among_var === 5) {
            this.slice_del();
        }
        else {
            if (!this.r_R2()) {
                return false;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_4() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_9);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (!this.r_R2()) {
            return false;
        }
        if (among_var === 1) {
            this.slice_del();
        }
        else {
            while (true) {
                L17: {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "s") {
                        break L17;
                    }
                    this.cursor -= 1;
                    break;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                    return false;
                }
                this.cursor -= 1;
                break;
            }
            this.slice_del();
        }
        return true;
    }
  r_Step_5() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_10);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            while (true) {
                L18: {
                    if (!this.r_R2()) {
                        break L18;
                    }
                    break;
                }
                if (!this.r_R1()) {
                    return false;
                }
                var v_1 = this.limit - this.cursor;
                L19: {
                    if (!this.r_shortv()) {
                        break L19;
                    }
                    return false;
                }
                this.cursor = this.limit - v_1;
                break;
            }
            this.slice_del();
        }
        else {
            if (!this.r_R2()) {
                return false;
            }
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        return true;
    }
  r_exception1() {
        this.bra = this.cursor;
        var among_var = this.find_among(this.a_11);
        if (among_var === 0) {
            return false;
        }
        this.ket = this.cursor;
        if (this.cursor < this.limit) {
            return false;
        }
        if (among_var > 0) {
            this.slice_from(this.as_11[among_var - 1]);
        }
        return true;
    }
  r_postlude() {
        if (!this.B_Y_found) {
            return false;
        }
        while (true) {
            var v_1 = this.cursor;
            L20: {
                while (true) {
                    var v_2 = this.cursor;
                    L21: {
                        this.bra = this.cursor;
                        if (this.cursor === this.limit || this.current[this.cursor] !== "Y") {
                            break L21;
                        }
                        this.cursor += 1;
                        this.ket = this.cursor;
                        this.cursor = v_2;
                        break;
                    }
                    this.cursor = v_2;
                    if (this.cursor >= this.limit) {
                        break L20;
                    }
                    this.cursor += 1;
                }
                this.slice_from("y");
                continue;
            }
            this.cursor = v_1;
            break;
        }
        return true;
    }
  _stem() {
        while (true) {
            var v_1 = this.cursor;
            L22: {
                if (!this.r_exception1()) {
                    break L22;
                }
                break;
            }
            this.cursor = v_1;
            L23: {
                L24: {
                    if (this.cursor + 3 > this.limit) {
                        break L24;
                    }
                    this.cursor += 3;
                    break L23;
                }
                break;
            }
            this.cursor = v_1;
            this.r_prelude();
            this.r_mark_regions();
            this.limit_backward = this.cursor;
            this.cursor = this.limit;
            var v_2 = this.limit - this.cursor;
            this.r_Step_1a();
            this.cursor = this.limit - v_2;
            var v_3 = this.limit - this.cursor;
            this.r_Step_1b();
            this.cursor = this.limit - v_3;
            var v_4 = this.limit - this.cursor;
            this.r_Step_1c();
            this.cursor = this.limit - v_4;
            var v_5 = this.limit - this.cursor;
            this.r_Step_2();
            this.cursor = this.limit - v_5;
            var v_6 = this.limit - this.cursor;
            this.r_Step_3();
            this.cursor = this.limit - v_6;
            var v_7 = this.limit - this.cursor;
            this.r_Step_4();
            this.cursor = this.limit - v_7;
            var v_8 = this.limit - this.cursor;
            this.r_Step_5();
            this.cursor = this.limit - v_8;
            this.cursor = this.limit_backward;
            var v_9 = this.cursor;
            this.r_postlude();
            this.cursor = v_9;
            break;
        }
        return true;
    }
}
Object.assign(EnglishStemmer.prototype, {
  g_aeo: "aeo",
  g_v: "aeiouy",
  g_v_WXY: "Yaeiouwxy",
  g_valid_LI: "cdeghkmnrt",
  B_Y_found: false,
  I_p2: 0,
  I_p1: 0,
  a_0: [["arsen", -1, -1], ["commun", -1, -1], ["emerg", -1, -1], ["gener", -1, -1], ["inter", -1, -1], ["later", -1, -1], ["organ", -1, -1], ["past", -1, -1], ["univers", -1, -1]],
  a_1: [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]],
  a_2: [["ied", -1, 2], ["s", -1, 3], ["ies", 1, 2], ["sses", 1, 1], ["ss", 1, -1], ["us", 1, -1]],
  a_3: [["succ", -1, 1], ["proc", -1, 1], ["exc", -1, 1]],
  a_4: [["even", -1, 2], ["cann", -1, 2], ["inn", -1, 2], ["earr", -1, 2], ["herr", -1, 2], ["out", -1, 2], ["y", -1, 1]],
  a_5: [["", -1, -1], ["ed", 0, 2], ["eed", 1, 1], ["ing", 0, 3], ["edly", 0, 2], ["eedly", 4, 1], ["ingly", 0, 2]],
  a_6: [["", -1, 3], ["bb", 0, 2], ["dd", 0, 2], ["ff", 0, 2], ["gg", 0, 2], ["bl", 0, 1], ["mm", 0, 2], ["nn", 0, 2], ["pp", 0, 2], ["rr", 0, 2], ["at", 0, 1], ["tt", 0, 2], ["iz", 0, 1]],
  a_7: [["anci", -1, 3], ["enci", -1, 2], ["ogi", -1, 14], ["li", -1, 16], ["bli", 3, 12], ["abli", 4, 4], ["alli", 3, 8], ["fulli", 3, 9], ["lessli", 3, 15], ["ousli", 3, 10], ["entli", 3, 5], ["aliti", -1, 8], ["biliti", -1, 12], ["iviti", -1, 11], ["tional", -1, 1], ["ational", 14, 7], ["alism", -1, 8], ["ation", -1, 7], ["ization", 17, 6], ["izer", -1, 6], ["ator", -1, 7], ["iveness", -1, 11], ["fulness", -1, 9], ["ousness", -1, 10], ["ogist", -1, 13]],
  a_8: [["icate", -1, 4], ["ative", -1, 6], ["alize", -1, 3], ["iciti", -1, 4], ["ical", -1, 4], ["tional", -1, 1], ["ational", 5, 2], ["ful", -1, 5], ["ness", -1, 5]],
  a_9: [["ic", -1, 1], ["ance", -1, 1], ["ence", -1, 1], ["able", -1, 1], ["ible", -1, 1], ["ate", -1, 1], ["ive", -1, 1], ["ize", -1, 1], ["iti", -1, 1], ["al", -1, 1], ["ism", -1, 1], ["ion", -1, 2], ["er", -1, 1], ["ous", -1, 1], ["ant", -1, 1], ["ent", -1, 1], ["ment", 15, 1], ["ement", 16, 1]],
  a_10: [["e", -1, 1], ["l", -1, 2]],
  a_11: [["andes", -1, -1], ["atlas", -1, -1], ["bias", -1, -1], ["cosmos", -1, -1], ["early", -1, 6], ["gently", -1, 4], ["howe", -1, -1], ["idly", -1, 3], ["news", -1, -1], ["only", -1, 7], ["singly", -1, 8], ["skies", -1, 2], ["skis", -1, 1], ["sky", -1, -1], ["ugly", -1, 5]],
  as_11: ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"],
});
class RussianStemmer extends BaseStemmer {
  r_mark_regions() {
        this.I_pV = this.limit;
        this.I_p2 = this.limit;
        var v_1 = this.cursor;
        L1: {
            if (!this.go_out_grouping(this.g_v)) {
                break L1;
            }
            this.cursor += 1;
            this.I_pV = this.cursor;
            if (!this.go_in_grouping(this.g_v)) {
                break L1;
            }
            this.cursor += 1;
            if (!this.go_out_grouping(this.g_v)) {
                break L1;
            }
            this.cursor += 1;
            if (!this.go_in_grouping(this.g_v)) {
                break L1;
            }
            this.cursor += 1;
            this.I_p2 = this.cursor;
        }
        this.cursor = v_1;
        return true;
    }
  r_perfective_gerund() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_0);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            while (true) {
                L2: {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "а") {
                        break L2;
                    }
                    this.cursor -= 1;
                    break;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "я") {
                    return false;
                }
                this.cursor -= 1;
                break;
            }
            this.slice_del();
        }
        else {
            this.slice_del();
        }
        return true;
    }
  r_adjective() {
        this.ket = this.cursor;
        if (this.find_among_b(this.a_1) === 0) {
            return false;
        }
        this.bra = this.cursor;
        this.slice_del();
        return true;
    }
  r_adjectival() {
        if (!this.r_adjective()) {
            return false;
        }
        var v_1 = this.limit - this.cursor;
        L3: {
            this.ket = this.cursor;
            var among_var = this.find_among_b(this.a_2);
            if (among_var === 0) {
                this.cursor = this.limit - v_1;
                break L3;
            }
            this.bra = this.cursor;
            if (among_var === 1) {
                while (true) {
                    L4: {
                        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "а") {
                            break L4;
                        }
                        this.cursor -= 1;
                        break;
                    }
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "я") {
                        this.cursor = this.limit - v_1;
                        break L3;
                    }
                    this.cursor -= 1;
                    break;
                }
                this.slice_del();
            }
            else {
                this.slice_del();
            }
        }
        return true;
    }
  r_reflexive() {
        this.ket = this.cursor;
        if (this.find_among_b(this.a_3) === 0) {
            return false;
        }
        this.bra = this.cursor;
        this.slice_del();
        return true;
    }
  r_verb() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_4);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            while (true) {
                L5: {
                    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "а") {
                        break L5;
                    }
                    this.cursor -= 1;
                    break;
                }
                if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "я") {
                    return false;
                }
                this.cursor -= 1;
                break;
            }
            this.slice_del();
        }
        else {
            this.slice_del();
        }
        return true;
    }
  r_noun() {
        this.ket = this.cursor;
        if (this.find_among_b(this.a_5) === 0) {
            return false;
        }
        this.bra = this.cursor;
        this.slice_del();
        return true;
    }
  r_derivational() {
        this.ket = this.cursor;
        if (this.find_among_b(this.a_6) === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (this.I_p2 > this.cursor) {
            return false;
        }
        this.slice_del();
        return true;
    }
  r_tidy_up() {
        this.ket = this.cursor;
        var among_var = this.find_among_b(this.a_7);
        if (among_var === 0) {
            return false;
        }
        this.bra = this.cursor;
        if (among_var === 1) {
            this.slice_del();
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "н") {
                return false;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "н") {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        else if (among_var === 2) {
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "н") {
                return false;
            }
            this.cursor -= 1;
            this.slice_del();
        }
        else {
            this.slice_del();
        }
        return true;
    }
  _stem() {
        var v_1 = this.cursor;
        L6: {
            while (true) {
                var v_2 = this.cursor;
                L7: {
                    while (true) {
                        var v_3 = this.cursor;
                        L8: {
                            this.bra = this.cursor;
                            if (this.cursor === this.limit || this.current[this.cursor] !== "ё") {
                                break L8;
                            }
                            this.cursor += 1;
                            this.ket = this.cursor;
                            this.cursor = v_3;
                            break;
                        }
                        this.cursor = v_3;
                        if (this.cursor >= this.limit) {
                            break L7;
                        }
                        this.cursor += 1;
                    }
                    this.slice_from("е");
                    continue;
                }
                this.cursor = v_2;
                break;
            }
        }
        this.cursor = v_1;
        this.r_mark_regions();
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        if (this.cursor < this.I_pV) {
            return false;
        }
        var v_5 = this.limit_backward;
        this.limit_backward = this.I_pV;
        var v_6 = this.limit - this.cursor;
        L9: {
            while (true) {
                var v_7 = this.limit - this.cursor;
                L10: {
                    if (!this.r_perfective_gerund()) {
                        break L10;
                    }
                    break;
                }
                this.cursor = this.limit - v_7;
                var v_8 = this.limit - this.cursor;
                L11: {
                    if (!this.r_reflexive()) {
                        this.cursor = this.limit - v_8;
                        break L11;
                    }
                }
                while (true) {
                    var v_9 = this.limit - this.cursor;
                    L12: {
                        if (!this.r_adjectival()) {
                            break L12;
                        }
                        break;
                    }
                    this.cursor = this.limit - v_9;
                    L13: {
                        if (!this.r_verb()) {
                            break L13;
                        }
                        break;
                    }
                    this.cursor = this.limit - v_9;
                    if (!this.r_noun()) {
                        break L9;
                    }
                    break;
                }
                break;
            }
        }
        this.cursor = this.limit - v_6;
        var v_10 = this.limit - this.cursor;
        L14: {
            this.ket = this.cursor;
            if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "и") {
                this.cursor = this.limit - v_10;
                break L14;
            }
            this.cursor -= 1;
            this.bra = this.cursor;
            this.slice_del();
        }
        var v_11 = this.limit - this.cursor;
        this.r_derivational();
        this.cursor = this.limit - v_11;
        var v_12 = this.limit - this.cursor;
        this.r_tidy_up();
        this.cursor = this.limit - v_12;
        this.limit_backward = v_5;
        this.cursor = this.limit_backward;
        return true;
    }
}
Object.assign(RussianStemmer.prototype, {
  g_v: "аеиоуыэюя",
  I_p2: 0,
  I_pV: 0,
  a_0: [["в", -1, 1], ["ив", 0, 2], ["ыв", 0, 2], ["вши", -1, 1], ["ивши", 3, 2], ["ывши", 3, 2], ["вшись", -1, 1], ["ившись", 6, 2], ["ывшись", 6, 2]],
  a_1: [["ее", -1, 1], ["ие", -1, 1], ["ое", -1, 1], ["ые", -1, 1], ["ими", -1, 1], ["ыми", -1, 1], ["ей", -1, 1], ["ий", -1, 1], ["ой", -1, 1], ["ый", -1, 1], ["ем", -1, 1], ["им", -1, 1], ["ом", -1, 1], ["ым", -1, 1], ["его", -1, 1], ["ого", -1, 1], ["ему", -1, 1], ["ому", -1, 1], ["их", -1, 1], ["ых", -1, 1], ["ею", -1, 1], ["ою", -1, 1], ["ую", -1, 1], ["юю", -1, 1], ["ая", -1, 1], ["яя", -1, 1]],
  a_2: [["ем", -1, 1], ["нн", -1, 1], ["вш", -1, 1], ["ивш", 2, 2], ["ывш", 2, 2], ["щ", -1, 1], ["ющ", 5, 1], ["ующ", 6, 2]],
  a_3: [["сь", -1, 1], ["ся", -1, 1]],
  a_4: [["ла", -1, 1], ["ила", 0, 2], ["ыла", 0, 2], ["на", -1, 1], ["ена", 3, 2], ["ете", -1, 1], ["ите", -1, 2], ["йте", -1, 1], ["ейте", 7, 2], ["уйте", 7, 2], ["ли", -1, 1], ["или", 10, 2], ["ыли", 10, 2], ["й", -1, 1], ["ей", 13, 2], ["уй", 13, 2], ["л", -1, 1], ["ил", 16, 2], ["ыл", 16, 2], ["ем", -1, 1], ["им", -1, 2], ["ым", -1, 2], ["н", -1, 1], ["ен", 22, 2], ["ло", -1, 1], ["ило", 24, 2], ["ыло", 24, 2], ["но", -1, 1], ["ено", 27, 2], ["нно", 27, 1], ["ет", -1, 1], ["ует", 30, 2], ["ит", -1, 2], ["ыт", -1, 2], ["ют", -1, 1], ["уют", 34, 2], ["ят", -1, 2], ["ны", -1, 1], ["ены", 37, 2], ["ть", -1, 1], ["ить", 39, 2], ["ыть", 39, 2], ["ешь", -1, 1], ["ишь", -1, 2], ["ю", -1, 2], ["ую", 44, 2]],
  a_5: [["а", -1, 1], ["ев", -1, 1], ["ов", -1, 1], ["е", -1, 1], ["ие", 3, 1], ["ье", 3, 1], ["и", -1, 1], ["еи", 6, 1], ["ии", 6, 1], ["ами", 6, 1], ["ями", 6, 1], ["иями", 10, 1], ["й", -1, 1], ["ей", 12, 1], ["ией", 13, 1], ["ий", 12, 1], ["ой", 12, 1], ["ам", -1, 1], ["ем", -1, 1], ["ием", 18, 1], ["ом", -1, 1], ["ям", -1, 1], ["иям", 21, 1], ["о", -1, 1], ["у", -1, 1], ["ах", -1, 1], ["ях", -1, 1], ["иях", 26, 1], ["ы", -1, 1], ["ь", -1, 1], ["ю", -1, 1], ["ию", 30, 1], ["ью", 30, 1], ["я", -1, 1], ["ия", 33, 1], ["ья", 33, 1]],
  a_6: [["ост", -1, 1], ["ость", -1, 1]],
  a_7: [["ейше", -1, 1], ["н", -1, 2], ["ейш", -1, 1], ["ь", -1, 3]],
});
const stemmers = {english: new EnglishStemmer(), russian: new RussianStemmer()};
root.snowballStem = (algorithm, word) => stemmers[algorithm].stemWord(word);
})(typeof self !== "undefined" ? self : globalThis);
