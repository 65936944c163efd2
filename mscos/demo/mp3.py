"""A short tone as a real MP3 file (MPEG-1 Layer III), written by hand, for the demo episode.

Podcast directories take MP3 or AAC, not WAV, and no MP3 encoder ships with Python or can be
counted on on a fresh machine (`lame` and `ffmpeg` are not always installed; PyPI's encoders wrap
LAME's C code). A tone needs no encoder: each granule of 576 frequency lines carries one line,
at the same strength, with the sign pattern an MDCT gives a steady sine at that line's centre, so
every decoder plays a soft, clean note. The frames are constant bit rate (32 kbit/s, 48 kHz,
mono, 96 bytes each, no CRC), with no scale factors and Huffman table 1.
"""

SAMPLE_RATE = 48_000
SAMPLES_PER_FRAME = 1152
FRAME_BYTES = 96  # 144 * 32000 / 48000: exact, so no padding slot is ever needed
# Sync, MPEG-1, Layer III, no CRC | 32 kbit/s, 48 kHz, no padding | mono, no emphasis.
FRAME_HEADER = bytes([0xFF, 0xFB, 0x14, 0xC0])
SIDE_INFO_BYTES = 17
# Line 9 and line 12 of 576 sound at (line + 0.5) * 24000 / 576 Hz: about G4 and C5.
# Sign per granule so that the coefficients rotate as a steady sine's would (a quarter turn a
# granule, in the direction the line's own phase advance takes).
NOTES = ((9, (1, -1, -1, 1)), (12, (1, 1, -1, -1)))
LOUD_GAIN = 196  # 2 ** ((gain - 210) / 4) scales the line: about -30 dB below full scale
FADE_GRANULES = 12


class _Bits:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def put(self, value: int, width: int) -> None:
        self.bits.extend((value >> shift) & 1 for shift in range(width - 1, -1, -1))

    def to_bytes(self, size: int) -> bytes:
        bits = self.bits + [0] * (size * 8 - len(self.bits))
        return bytes(int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, size * 8, 8))


def _granule_data(line: int, negative: bool) -> list[int]:
    """Huffman table 1 codes for lines 0..line: zero pairs, then the pair holding the line."""
    data = _Bits()
    for _pair in range(line // 2):
        data.put(0b1, 1)  # (0, 0)
    if line % 2 == 0:
        data.put(0b01, 2)  # (1, 0)
    else:
        data.put(0b001, 3)  # (0, 1)
    data.put(1 if negative else 0, 1)  # the sign of the one value that is not zero
    return data.bits


def _frame(granules: list[tuple[int, bool, int]]) -> bytes:
    """One frame of two granules, each (line, negative, global gain)."""
    side = _Bits()
    side.put(0, 9)  # main_data_begin: this frame's data starts right after the side info
    side.put(0, 5)  # private bits
    side.put(0, 4)  # scfsi
    main = _Bits()
    for line, negative, gain in granules:
        bits = _granule_data(line, negative)
        side.put(len(bits), 12)  # part2_3_length (no scale factors: part 2 is empty)
        side.put(line // 2 + 1, 9)  # big_values: pairs up to the line
        side.put(gain, 8)  # global_gain
        side.put(0, 4)  # scalefac_compress 0: no scale factor bits
        side.put(0, 1)  # window_switching_flag: long blocks
        for _region in range(3):
            side.put(1, 5)  # table_select: table 1 in every region
        side.put(7, 4)  # region0_count: regions end at lines 42 and 156 (48 kHz)
        side.put(7, 3)  # region1_count
        side.put(0, 3)  # preflag, scalefac_scale, count1table_select
        main.bits.extend(bits)
    body = side.to_bytes(SIDE_INFO_BYTES) + main.to_bytes(
        FRAME_BYTES - len(FRAME_HEADER) - SIDE_INFO_BYTES
    )
    return FRAME_HEADER + body


def tone_mp3(seconds: float = 4.0) -> bytes:
    """`seconds` of two soft notes, one after the other, fading in and out, as MP3 bytes."""
    frames = max(2, round(seconds * SAMPLE_RATE / SAMPLES_PER_FRAME))
    total = frames * 2
    granules = []
    for index in range(total):
        line, signs = NOTES[0] if index < total // 2 else NOTES[1]
        fade = min(index, total - 1 - index, FADE_GRANULES)
        gain = LOUD_GAIN - (FADE_GRANULES - fade) * 2  # 2 steps of gain are 3 dB
        granules.append((line, signs[index % 4] < 0, gain))
    return b"".join(_frame(granules[i : i + 2]) for i in range(0, total, 2))


def mp3_duration_seconds(data: bytes) -> float:
    """How long an MP3 of constant-size MPEG-1 Layer III frames plays, checked frame by frame.

    Raises ValueError at the first byte that is not a frame header, so a test can tell a real
    MP3 from bytes with the right name."""
    bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    rates = [44100, 48000, 32000]
    offset = frames = 0
    while offset < len(data):
        header = data[offset : offset + 4]
        if len(header) < 4 or header[0] != 0xFF or (header[1] & 0xFE) != 0xFA:
            raise ValueError(f"no MPEG-1 Layer III frame at byte {offset}")
        bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
        if not 0 < bitrate_index < 15 or rate_index == 3:
            raise ValueError(f"a frame header with no valid rate at byte {offset}")
        padding = (header[2] >> 1) & 1
        rate = rates[rate_index]
        offset += 144 * bitrates[bitrate_index] * 1000 // rate + padding
        frames += 1
    return frames * SAMPLES_PER_FRAME / rate if frames else 0.0
